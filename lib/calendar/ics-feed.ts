import { IANAZone } from "luxon";
import { defaultEventCache, type EventCache } from "./event-cache";
import { escapeText, formatLines } from "./ics-text";
import { findStepEventStart, interviewUid, renderInterviewEvent, renderStepEvent, stepUid } from "./render-event";
import type { EventsInput, FeedInput, FeedInterview, FeedStep } from "./types";

/** Done steps stay visible this long after completion, then drop out. */
export const DONE_VISIBLE_DAYS = 30;
/** How often subscribed clients should re-fetch (RFC 7986 REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_HOURS = 1;
export const PRODUCT_ID = "-//Afterview//Follow-up plan//EN";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const FOOTER = "END:VCALENDAR\r\n";
const FIELD_SEPARATOR = "\u0000";

type FeedItem = { uid: string; sortAt: number; fingerprint: string; render: () => string };

function completionOf(step: FeedStep): Date {
  return step.completedAt ?? step.updatedAt;
}

function doneExpiresAt(step: FeedStep): number {
  return completionOf(step).getTime() + DONE_VISIBLE_DAYS * MS_PER_DAY;
}

function interviewEndsAt(interview: FeedInterview): number {
  return interview.startsAt.getTime() + interview.durationMinutes * MS_PER_MINUTE;
}

// Cancelled and skipped steps are left out: omission is the one removal every client honours.
function isStepListed(step: FeedStep, now: Date): boolean {
  if (step.status === "pending") return true;
  if (step.status === "done") return doneExpiresAt(step) >= now.getTime();
  return false;
}

function isInterviewListed(interview: FeedInterview, now: Date): boolean {
  return interviewEndsAt(interview) >= now.getTime();
}

// Every input the rendering reads, so a cache hit can never serve stale text.
function fingerprintStep(step: FeedStep, timeZone: string): string {
  return [
    step.version,
    step.kind,
    step.status,
    step.dueAt.getTime(),
    step.deadlineAt?.getTime() ?? "",
    step.sequence ?? "",
    step.completedAt?.getTime() ?? "",
    step.updatedAt.getTime(),
    step.personName ?? "",
    step.company,
    step.role,
    step.reason,
    step.url,
    timeZone,
  ].join(FIELD_SEPARATOR);
}

function fingerprintInterview(interview: FeedInterview): string {
  return [
    interview.version,
    interview.startsAt.getTime(),
    interview.durationMinutes,
    interview.updatedAt.getTime(),
    interview.company,
    interview.role,
    interview.url,
    interview.location ?? "",
  ].join(FIELD_SEPARATOR);
}

function listFeedItems(input: EventsInput): FeedItem[] {
  const { timeZone, now } = input;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  const items: FeedItem[] = [];
  for (const step of input.steps) {
    if (!isStepListed(step, now)) continue;
    items.push({
      uid: stepUid(step.id),
      sortAt: findStepEventStart(step).getTime(),
      fingerprint: fingerprintStep(step, timeZone),
      render: () => renderStepEvent(step, timeZone),
    });
  }
  for (const interview of input.interviews) {
    if (!isInterviewListed(interview, now)) continue;
    items.push({
      uid: interviewUid(interview.id),
      sortAt: interview.startsAt.getTime(),
      fingerprint: fingerprintInterview(interview),
      render: () => renderInterviewEvent(interview),
    });
  }
  // Input order comes from the database; sorting makes identical plans give identical bodies.
  return items.sort((a, b) => a.sortAt - b.sortAt || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

function renderItems(items: FeedItem[], cache: EventCache): string {
  let body = "";
  for (const item of items) body += cache.getOrRender(item.uid, item.fingerprint, item.render);
  return body;
}

function formatHeader(timeZone: string, calendarName: string | null): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODUCT_ID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  if (calendarName !== null) {
    const name = escapeText(calendarName);
    const refresh = `PT${FEED_REFRESH_HOURS}H`;
    lines.push(`NAME:${name}`, `X-WR-CALNAME:${name}`);
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${refresh}`, `X-PUBLISHED-TTL:${refresh}`);
  }
  // Times are UTC instants; this only tells clients which zone the user lives in.
  lines.push(`X-WR-TIMEZONE:${escapeText(timeZone)}`);
  return formatLines(lines);
}

/** The subscribed feed: every pending step, recently done step and upcoming interview. */
export function buildCalendarFeed(input: FeedInput, cache: EventCache = defaultEventCache): string {
  const items = listFeedItems(input);
  return formatHeader(input.timeZone, input.calendarName) + renderItems(items, cache) + FOOTER;
}

/**
 * A one-off download ("add to calendar", per-interview export) of the given
 * steps and interviews: the same events and UIDs as the feed, so importing
 * one next to a subscription updates instead of duplicating, but without a
 * calendar name or refresh hint, which would make clients create a new calendar.
 */
export function buildStepEvents(input: EventsInput, cache: EventCache = defaultEventCache): string {
  const items = listFeedItems(input);
  return formatHeader(input.timeZone, null) + renderItems(items, cache) + FOOTER;
}

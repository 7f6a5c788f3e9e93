import { REASON_LOCALE } from "@/lib/plan/constants";
import { formatDayTime, formatTime, toLocal } from "@/lib/plan/time";
import { escapeText, formatLines, sanitizeText } from "./ics-text";
import type { FeedInterview, FeedStep } from "./types";

/** Steps are reminders to act, not meetings: a short slot at the due time. */
export const STEP_EVENT_MINUTES = 15;
export const ALARM_BEFORE_MINUTES = 15;
export const UID_DOMAIN = "afterview";

const MS_PER_MINUTE = 60_000;
const DONE_PREFIX = "✓ Done: ";

// What a VEVENT says. Text values arrive sanitised (sanitizeText) and are escaped when written.
type EventFields = {
  uid: string;
  sequence: number;
  // DTSTAMP and LAST-MODIFIED
  updatedAt: Date;
  start: Date;
  minutes: number;
  summary: string;
  description: string;
  url: string;
  location?: string;
  transp: "TRANSPARENT" | "OPAQUE";
  hasAlarm: boolean;
};

export function stepUid(stepId: string): string {
  return `step-${stepId}@${UID_DOMAIN}`;
}

export function interviewUid(interviewId: string): string {
  return `interview-${interviewId}@${UID_DOMAIN}`;
}

function describePerson(step: FeedStep): string {
  return step.personName ? `${step.personName} (${step.company})` : step.company;
}

// docs/rules.md "Calendar events": a done step sits at when it was done, so
// the calendar shows what happened instead of a time that no longer matters.
/** Where a step's event starts (feed and Google push alike). */
export function findStepEventStart(step: FeedStep): Date {
  return step.status === "done" && step.completedAt ? step.completedAt : step.dueAt;
}

// "15:00" on the event's own day, "Thu 15:00" on another.
function formatDeadline(deadline: Date, eventStart: Date, timeZone: string): string {
  const local = toLocal(deadline, timeZone);
  const isSameDay = local.hasSame(toLocal(eventStart, timeZone), "day");
  return isSameDay ? formatTime(local) : `${local.setLocale(REASON_LOCALE).toFormat("ccc")} ${formatTime(local)}`;
}

/**
 * What to do, for whom (feed and Google push alike). docs/rules.md "Calendar
 * events": a thank-you's title gives its deadline, not the proposed time the
 * event sits at; a follow-up after the first is numbered as on the page; a
 * done step keeps the action without its deadline.
 */
export function summarizeStep(step: FeedStep, timeZone: string): string {
  const who = describePerson(step);
  const isDone = step.status === "done";
  const action = ((): string => {
    switch (step.kind) {
      case "thank_you":
        return isDone
          ? `Thank ${who}`
          : `Thank ${who}: send by ${formatDeadline(step.deadlineAt ?? step.dueAt, findStepEventStart(step), timeZone)}`;
      case "letter":
        return `Mail a letter to ${who}`;
      case "follow_up":
        return step.sequence && step.sequence > 1 ? `Follow up again with ${who} (#${step.sequence})` : `Follow up with ${who}`;
      case "call":
        return `Call ${who}`;
      case "move_on":
        return `Move on from ${step.company}? Keep your search going`;
      case "gracious_reply":
        return `Reply graciously to ${who}`;
    }
  })();
  return sanitizeText(isDone ? DONE_PREFIX + action : action);
}

/** The event's body: a pending thank-you's proposed send time, the plan's reason, the link. */
export function describeStepEvent(step: FeedStep, timeZone: string): string {
  const lines = [step.reason, step.url];
  if (step.kind === "thank_you" && step.status === "pending") {
    lines.unshift(`Proposed send time: ${formatDayTime(toLocal(step.dueAt, timeZone))}.`);
  }
  return sanitizeText(lines.join("\n"));
}

function summarizeInterview(interview: FeedInterview): string {
  return sanitizeText(`Interview: ${interview.role} at ${interview.company}`);
}

// RFC 5545 UTC DATE-TIME: 20261203T100000Z
function formatUtc(moment: Date): string {
  return moment.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// Written here rather than by the `ics` package, whose createEvent validated
// every event with yup and built a whole VCALENDAR to be cut down to its
// VEVENT: that made a feed's first build after a restart take seconds
// (docs/performance.md). Lines are folded by octets (formatLines).
function renderBlock(event: EventFields): string {
  const summary = escapeText(event.summary);
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.uid}`,
    `SUMMARY:${summary}`,
    `DTSTAMP:${formatUtc(event.updatedAt)}`,
    `DTSTART:${formatUtc(event.start)}`,
    `DTEND:${formatUtc(new Date(event.start.getTime() + event.minutes * MS_PER_MINUTE))}`,
    `SEQUENCE:${event.sequence}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `URL:${event.url}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    `TRANSP:${event.transp}`,
    `LAST-MODIFIED:${formatUtc(event.updatedAt)}`,
    ...(event.hasAlarm ? ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${summary}`, `TRIGGER:-PT${ALARM_BEFORE_MINUTES}M`, "END:VALARM"] : []),
    "END:VEVENT",
  ];
  return formatLines(lines);
}

export function renderStepEvent(step: FeedStep, timeZone: string): string {
  return renderBlock({
    uid: stepUid(step.id),
    sequence: step.version,
    // DTSTAMP from the data, never the clock, so an unchanged feed is byte-identical.
    updatedAt: step.updatedAt,
    start: findStepEventStart(step),
    minutes: STEP_EVENT_MINUTES,
    summary: summarizeStep(step, timeZone),
    description: describeStepEvent(step, timeZone),
    url: step.url,
    // A reminder should not mark the user busy.
    transp: "TRANSPARENT",
    hasAlarm: step.status === "pending",
  });
}

export function renderInterviewEvent(interview: FeedInterview): string {
  return renderBlock({
    uid: interviewUid(interview.id),
    // docs/rules.md "Calendar events": every change of the interview raises it
    sequence: interview.version,
    updatedAt: interview.updatedAt,
    start: interview.startsAt,
    minutes: interview.durationMinutes,
    summary: summarizeInterview(interview),
    description: sanitizeText(`Notes and follow-up plan:\n${interview.url}`),
    url: interview.url,
    location: interview.location ? sanitizeText(interview.location) : undefined,
    transp: "OPAQUE",
    hasAlarm: true,
  });
}

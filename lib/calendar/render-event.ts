import { createEvent, type EventAttributes } from "ics";
import { REASON_LOCALE } from "@/lib/plan/constants";
import { formatDayTime, formatTime, toLocal } from "@/lib/plan/time";
import { escapeText, refoldBlock, sanitizeText } from "./ics-text";
import type { FeedInterview, FeedStep } from "./types";

/** Steps are reminders to act, not meetings: a short slot at the due time. */
export const STEP_EVENT_MINUTES = 15;
export const ALARM_BEFORE_MINUTES = 15;
export const UID_DOMAIN = "afterview";

const MS_PER_MINUTE = 60_000;
const DONE_PREFIX = "✓ Done: ";

// `timestamp` (DTSTAMP) is accepted by the package's schema but missing from its types.
type EventWithStamp = EventAttributes & { timestamp: number };

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

function displayAlarm(summary: string): NonNullable<EventAttributes["alarms"]> {
  // The package writes VALARM DESCRIPTION without TEXT escaping, so escape it here.
  return [
    {
      action: "display",
      description: escapeText(summary),
      trigger: { minutes: ALARM_BEFORE_MINUTES, before: true },
    },
  ];
}

// The package returns a whole VCALENDAR; the feed only wants the VEVENT.
function renderBlock(attributes: EventWithStamp): string {
  const { error, value } = createEvent(attributes);
  if (error || !value) {
    throw new Error(`Cannot render calendar event ${attributes.uid}: ${error?.message}`);
  }
  const start = value.indexOf("BEGIN:VEVENT");
  const end = value.lastIndexOf("END:VCALENDAR");
  return refoldBlock(value.slice(start, end));
}

// Epoch milliseconds with UTC input and output: the package would otherwise
// read date arrays in the server's zone, and it cannot write VTIMEZONE.
function utcTimes(start: Date, minutes: number) {
  return {
    start: start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: start.getTime() + minutes * MS_PER_MINUTE,
    endInputType: "utc",
    endOutputType: "utc",
  } as const;
}

export function renderStepEvent(step: FeedStep, timeZone: string): string {
  const summary = summarizeStep(step, timeZone);
  return renderBlock({
    uid: stepUid(step.id),
    sequence: step.version,
    // DTSTAMP from the data, never the clock, so an unchanged feed is byte-identical.
    timestamp: step.updatedAt.getTime(),
    lastModified: step.updatedAt.getTime(),
    ...utcTimes(findStepEventStart(step), STEP_EVENT_MINUTES),
    title: summary,
    description: describeStepEvent(step, timeZone),
    url: step.url,
    // A reminder should not mark the user busy.
    transp: "TRANSPARENT",
    alarms: step.status === "pending" ? displayAlarm(summary) : undefined,
  });
}

export function renderInterviewEvent(interview: FeedInterview): string {
  const summary = summarizeInterview(interview);
  return renderBlock({
    uid: interviewUid(interview.id),
    // docs/rules.md "Calendar events": every change of the interview raises it
    sequence: interview.version,
    timestamp: interview.updatedAt.getTime(),
    lastModified: interview.updatedAt.getTime(),
    ...utcTimes(interview.startsAt, interview.durationMinutes),
    title: summary,
    description: sanitizeText(`Notes and follow-up plan:\n${interview.url}`),
    url: interview.url,
    location: interview.location ? sanitizeText(interview.location) : undefined,
    transp: "OPAQUE",
    alarms: displayAlarm(summary),
  });
}

import { createHash } from "node:crypto";
import type { calendar_v3 } from "googleapis";
import { readGoogleErrorStatus } from "@/lib/google/errors";
import { ALARM_BEFORE_MINUTES, describeStepEvent, findStepEventStart, STEP_EVENT_MINUTES, summarizeStep } from "./render-event";
import type { FeedStep } from "./types";

// Pushes plan steps into a calendar of their own, so the user can hide or
// delete all of Afterview's reminders at once. Needs calendar.app.created
// (calendars.get/insert and events.* on calendars Afterview created), asked
// by incremental consent; the client comes from lib/google/client.ts and the
// job that runs it is lib/calendar/push-job.ts.

export const AFTERVIEW_CALENDAR_NAME = "Afterview follow-ups";

const EVENT_ID_PREFIX = "av";
/** Marks Afterview's own events, so a push never deletes what the user added to the calendar. */
const EVENT_SOURCE_TITLE = "Afterview";
const EVENTS_PAGE_SIZE = 2500;
const MS_PER_MINUTE = 60_000;
const HTTP_NOT_FOUND = 404;
const HTTP_CONFLICT = 409;
const HTTP_GONE = 410;

export type PushCounts = { inserted: number; patched: number; deleted: number };

export type PushStepsInput = {
  calendar: calendar_v3.Calendar;
  calendarId: string;
  steps: FeedStep[];
  /** The user's IANA zone: the events carry it, summaries show local times. */
  timeZone: string;
};

/**
 * Google event ids allow base32hex (0-9, a-v), 5 to 1024 characters. A UUID
 * without dashes is lowercase hex, hence valid; other ids are hashed, so the
 * same step always maps to the same event and a retried insert answers 409.
 */
export function googleEventId(stepId: string): string {
  const compact = stepId.replace(/-/g, "").toLowerCase();
  const body = /^[0-9a-f]{3,1000}$/.test(compact)
    ? compact
    : createHash("sha256").update(stepId).digest("hex");
  return EVENT_ID_PREFIX + body;
}

export function summarizeStepForGoogle(step: FeedStep, timeZone: string): string {
  return summarizeStep(step, timeZone);
}

export function buildStepEvent(step: FeedStep, timeZone: string): calendar_v3.Schema$Event {
  const start = findStepEventStart(step);
  const end = new Date(start.getTime() + STEP_EVENT_MINUTES * MS_PER_MINUTE);
  const isPending = step.status === "pending";
  return {
    id: googleEventId(step.id),
    // A step that was cancelled and comes back must reappear.
    status: "confirmed",
    summary: summarizeStepForGoogle(step, timeZone),
    description: describeStepEvent(step, timeZone),
    start: { dateTime: start.toISOString(), timeZone },
    end: { dateTime: end.toISOString(), timeZone },
    // A reminder to act should not mark the user busy.
    transparency: "transparent",
    source: { title: EVENT_SOURCE_TITLE, url: step.url },
    reminders: isPending
      ? { useDefault: false, overrides: [{ method: "popup", minutes: ALARM_BEFORE_MINUTES }] }
      : { useDefault: false, overrides: [] },
  };
}

/** True when the call failed with one of `statuses`; other failures propagate. */
async function failsWith(call: Promise<unknown>, statuses: number[]): Promise<boolean> {
  try {
    await call;
    return false;
  } catch (error) {
    const status = readGoogleErrorStatus(error);
    if (status !== undefined && statuses.includes(status)) return true;
    throw error;
  }
}

/**
 * The user's "Afterview follow-ups" calendar: the stored one while Google
 * still has it, else a new one (the user may have deleted it). Looks the
 * calendar up by id, not in the calendar list: calendar.app.created allows
 * calendars.get and calendars.insert, not calendarList.list.
 */
export async function ensureAfterviewCalendar(input: {
  calendar: calendar_v3.Calendar;
  timeZone: string;
  calendarId: string | null;
}): Promise<{ calendarId: string; isNew: boolean }> {
  const { calendar, timeZone, calendarId } = input;
  if (calendarId && !(await failsWith(calendar.calendars.get({ calendarId }), [HTTP_NOT_FOUND, HTTP_GONE]))) {
    return { calendarId, isNew: false };
  }
  const { data } = await calendar.calendars.insert({
    requestBody: { summary: AFTERVIEW_CALENDAR_NAME, timeZone },
  });
  if (!data.id) throw new Error("Google created a calendar without an id");
  return { calendarId: data.id, isNew: true };
}

/** Every event in the calendar, by id (deleted ones left out). */
export async function listCalendarEvents(input: {
  calendar: calendar_v3.Calendar;
  calendarId: string;
}): Promise<Map<string, calendar_v3.Schema$Event>> {
  const { calendar, calendarId } = input;
  const events = new Map<string, calendar_v3.Schema$Event>();
  let pageToken: string | undefined;
  do {
    const { data } = await calendar.events.list({ calendarId, maxResults: EVENTS_PAGE_SIZE, showDeleted: false, pageToken });
    for (const event of data.items ?? []) if (event.id && event.status !== "cancelled") events.set(event.id, event);
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
  return events;
}

function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && new Date(a).getTime() === new Date(b).getTime());
}

function reminderMinutes(event: calendar_v3.Schema$Event): string {
  return (event.reminders?.overrides ?? []).map((reminder) => reminder.minutes ?? 0).sort().join(",");
}

/** True when Google already shows what `wanted` says (times compared as instants). */
export function isEventCurrent(existing: calendar_v3.Schema$Event, wanted: calendar_v3.Schema$Event): boolean {
  return (
    existing.summary === wanted.summary &&
    (existing.description ?? "") === (wanted.description ?? "") &&
    sameInstant(existing.start?.dateTime, wanted.start?.dateTime) &&
    sameInstant(existing.end?.dateTime, wanted.end?.dateTime) &&
    reminderMinutes(existing) === reminderMinutes(wanted)
  );
}

/**
 * What a push has to do given what the calendar holds: the steps whose event
 * is missing, outdated or must go, and Afterview's events whose step no
 * longer exists (its interview was deleted). Done steps older than
 * `doneSince` are added only if their event is already there.
 */
export function planCalendarChanges(input: {
  steps: FeedStep[];
  existing: Map<string, calendar_v3.Schema$Event>;
  timeZone: string;
  doneSince: Date;
}): { steps: FeedStep[]; orphanEventIds: string[] } {
  const { steps, existing, timeZone, doneSince } = input;
  const changed: FeedStep[] = [];
  const stepEventIds = new Set<string>();
  for (const step of steps) {
    const eventId = googleEventId(step.id);
    stepEventIds.add(eventId);
    const current = existing.get(eventId);
    if (step.status === "cancelled" || step.status === "skipped") {
      if (current) changed.push(step);
      continue;
    }
    if (current) {
      if (!isEventCurrent(current, buildStepEvent(step, timeZone))) changed.push(step);
      continue;
    }
    if (step.status === "pending" || (step.completedAt && step.completedAt >= doneSince)) changed.push(step);
  }
  const orphanEventIds = [...existing.values()]
    .filter((event) => event.id && !stepEventIds.has(event.id) && event.source?.title === EVENT_SOURCE_TITLE)
    .map((event) => event.id!);
  return { steps: changed, orphanEventIds };
}

/** Deletes events by id; already gone counts as deleted. */
export async function deleteEvents(input: { calendar: calendar_v3.Calendar; calendarId: string; eventIds: string[] }): Promise<number> {
  for (const eventId of input.eventIds) {
    await failsWith(input.calendar.events.delete({ calendarId: input.calendarId, eventId }), [HTTP_NOT_FOUND, HTTP_GONE]);
  }
  return input.eventIds.length;
}

/**
 * Mirrors steps into the calendar, safe to run again after any failure:
 * pending steps are inserted under a deterministic id (409 -> patch), done
 * steps are patched to "✓ Done", cancelled and skipped steps are deleted
 * (already gone counts as deleted).
 */
export async function pushSteps(input: PushStepsInput): Promise<PushCounts> {
  const { calendar, calendarId, steps, timeZone } = input;
  const counts: PushCounts = { inserted: 0, patched: 0, deleted: 0 };

  for (const step of steps) {
    const event = buildStepEvent(step, timeZone);
    const eventId = googleEventId(step.id);
    if (step.status === "cancelled" || step.status === "skipped") {
      await failsWith(calendar.events.delete({ calendarId, eventId }), [HTTP_NOT_FOUND, HTTP_GONE]);
      counts.deleted += 1;
      continue;
    }
    if (step.status === "pending") {
      const alreadyExists = await failsWith(
        calendar.events.insert({ calendarId, requestBody: event }),
        [HTTP_CONFLICT],
      );
      if (!alreadyExists) {
        counts.inserted += 1;
        continue;
      }
      await calendar.events.patch({ calendarId, eventId, requestBody: event });
      counts.patched += 1;
      continue;
    }
    // Done: patch; a step done before it was ever pushed is inserted as done.
    const isAbsent = await failsWith(
      calendar.events.patch({ calendarId, eventId, requestBody: event }),
      [HTTP_NOT_FOUND],
    );
    if (!isAbsent) {
      counts.patched += 1;
      continue;
    }
    await calendar.events.insert({ calendarId, requestBody: event });
    counts.inserted += 1;
  }
  return counts;
}

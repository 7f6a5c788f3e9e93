import { createHash } from "node:crypto";
import type { calendar_v3 } from "googleapis";
import { readGoogleErrorStatus } from "@/lib/google/errors";
import { sanitizeText } from "./ics-text";
import { ALARM_BEFORE_MINUTES, STEP_EVENT_MINUTES, summarizeStep } from "./render-event";
import type { FeedStep } from "./types";

// Pushes plan steps into a calendar of their own, so the user can hide or
// delete all of Afterview's reminders at once. Needs a Calendar scope that
// allows calendarList.list, calendars.insert and events.* on the Google
// account (not yet requested by lib/auth/config.ts); the client comes from
// lib/google/client.ts.

export const AFTERVIEW_CALENDAR_NAME = "Afterview follow-ups";

const EVENT_ID_PREFIX = "av";
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
  const end = new Date(step.dueAt.getTime() + STEP_EVENT_MINUTES * MS_PER_MINUTE);
  const isPending = step.status === "pending";
  return {
    id: googleEventId(step.id),
    // A step that was cancelled and comes back must reappear.
    status: "confirmed",
    summary: summarizeStepForGoogle(step, timeZone),
    description: sanitizeText(`${step.reason}\n${step.url}`),
    start: { dateTime: step.dueAt.toISOString(), timeZone },
    end: { dateTime: end.toISOString(), timeZone },
    // A reminder to act should not mark the user busy.
    transparency: "transparent",
    source: { title: "Afterview", url: step.url },
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

/** Finds the user's "Afterview follow-ups" calendar, or creates it. Returns its id. */
export async function ensureAfterviewCalendar(input: {
  calendar: calendar_v3.Calendar;
  timeZone: string;
}): Promise<string> {
  const { calendar, timeZone } = input;
  let pageToken: string | undefined;
  do {
    const { data } = await calendar.calendarList.list({ minAccessRole: "owner", pageToken });
    const existing = data.items?.find((entry) => entry.summary === AFTERVIEW_CALENDAR_NAME && entry.id);
    if (existing?.id) return existing.id;
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);

  const { data } = await calendar.calendars.insert({
    requestBody: { summary: AFTERVIEW_CALENDAR_NAME, timeZone },
  });
  if (!data.id) throw new Error("Google created a calendar without an id");
  return data.id;
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

import "server-only";
import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/lib/db/client";
import { planSteps, users } from "@/lib/db/schema";
import { readEnv } from "@/lib/env";
import { createGoogleClient, GoogleReconnectRequiredError, type Sleep } from "@/lib/google/client";
import { loadGoogleConnection, markGoogleConnectionBroken, saveGoogleSetting } from "@/lib/google/connection";
import { isGoogleRateLimit, readGoogleErrorDetails, readGoogleErrorStatus } from "@/lib/google/errors";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { selectFeedSteps } from "./feed-data";
import { deleteEvents, ensureAfterviewCalendar, listCalendarEvents, planCalendarChanges, pushSteps } from "./google-push";
import { DONE_VISIBLE_DAYS } from "./ics-feed";
import { isCalendarPushActive, type CalendarPushJobData } from "./push-request";
import type { FeedStep } from "./types";

const HTTP_FORBIDDEN = 403;
const HTTP_UNAUTHORIZED = 401;

export type CalendarPushContext = {
  now: Date;
  rootUrl?: string;
  tokenUrl?: string;
  sleep?: Sleep;
};

export type CalendarPushResult =
  | { status: "skipped" }
  | { status: "broken" }
  | { status: "refused"; error: string }
  | { status: "pushed"; calendarId: string; isNewCalendar: boolean; inserted: number; patched: number; deleted: number };

// Every step of the user, whatever its status: the calendar may still hold
// the event of a step that was since cancelled or skipped.
async function loadUserSteps(userId: string, appUrl: string): Promise<{ steps: FeedStep[]; timeZone: string }> {
  const [user] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  const rows = await selectFeedSteps()
    .where(eq(planSteps.userId, userId));
  const steps = rows.map(({ interviewId, ...step }) => ({ ...step, url: `${appUrl}/interviews/${interviewId}` }));
  return { steps, timeZone: user?.timeZone ?? DEFAULT_TIME_ZONE };
}

const GOOGLE_WORDS_MAX_CHARS = 300;

function describeRefusal(error: unknown): string {
  const message = readGoogleErrorDetails(error).message.slice(0, GOOGLE_WORDS_MAX_CHARS);
  const said = message ? `: ${message}` : "";
  return `Google refused to update your calendar${said}. Turn "Push follow-ups to Google Calendar" off and on again in Settings to allow it.`;
}

/**
 * Brings the user's "Afterview follow-ups" calendar in line with the stored
 * plan: compares every step with the calendar's events and inserts, patches
 * or deletes only what differs, so running it again (a retried job, two
 * changes in a row) does nothing new. Does nothing unless the user opted in,
 * granted calendar.app.created and has a working connection; invalid_grant
 * marks the connection broken, a 401/403 is recorded for Settings. Other
 * failures are thrown for the queue to retry.
 */
export async function pushUserCalendar(data: CalendarPushJobData, context: CalendarPushContext): Promise<CalendarPushResult> {
  const { userId } = data;
  const { now } = context;
  const connection = await loadGoogleConnection({ userId });
  if (!isCalendarPushActive(connection)) return { status: "skipped" };
  try {
    const { calendar } = await createGoogleClient({ userId, ...context });
    const { steps, timeZone } = await loadUserSteps(userId, readEnv().APP_URL);
    const ensured = await ensureAfterviewCalendar({ calendar, timeZone, calendarId: connection.setting.calendarId });
    if (ensured.isNew) await saveGoogleSetting({ userId, values: { calendarId: ensured.calendarId }, now });
    const { calendarId } = ensured;

    const existing = ensured.isNew ? new Map() : await listCalendarEvents({ calendar, calendarId });
    const doneSince = DateTime.fromJSDate(now).minus({ days: DONE_VISIBLE_DAYS }).toJSDate();
    const changes = planCalendarChanges({ steps, existing, timeZone, doneSince });
    const counts = await pushSteps({ calendar, calendarId, steps: changes.steps, timeZone });
    const orphansDeleted = await deleteEvents({ calendar, calendarId, eventIds: changes.orphanEventIds });

    await saveGoogleSetting({ userId, values: { lastPushAt: now, lastError: null }, now });
    return { status: "pushed", calendarId, isNewCalendar: ensured.isNew, ...counts, deleted: counts.deleted + orphansDeleted };
  } catch (error) {
    if (error instanceof GoogleReconnectRequiredError) {
      await markGoogleConnectionBroken({ userId, now, message: error.message });
      return { status: "broken" };
    }
    const status = readGoogleErrorStatus(error);
    if ((status === HTTP_UNAUTHORIZED || status === HTTP_FORBIDDEN) && !isGoogleRateLimit(error)) {
      const message = describeRefusal(error);
      await saveGoogleSetting({ userId, values: { lastError: message }, now });
      return { status: "refused", error: message };
    }
    throw error;
  }
}

/** The worker's handler for QUEUES.calendarPush (lib/jobs/worker.ts). */
export async function handleCalendarPushJob(data: CalendarPushJobData, context: CalendarPushContext): Promise<void> {
  await pushUserCalendar(data, context);
}

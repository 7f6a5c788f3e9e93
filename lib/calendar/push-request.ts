import "server-only";
import { loadGoogleConnection, type GoogleConnection } from "@/lib/google/connection";
import { CALENDAR_APP_CREATED_SCOPE } from "@/lib/google/scopes";
import { enqueue, QUEUES } from "@/lib/jobs/queue";

export type CalendarPushJobData = { userId: string };

/** Push only for users who opted in, granted the scope, and whose connection works. */
export function isCalendarPushActive(connection: GoogleConnection | null): connection is GoogleConnection {
  return Boolean(connection?.setting.calendarPush && !connection.isBroken && connection.scopes.has(CALENDAR_APP_CREATED_SCOPE));
}

/**
 * Asks the worker to bring the user's Google calendar up to date. Call it
 * after a plan change has committed (the job reads the stored plan); for
 * users without calendar push it costs one query and enqueues nothing. One
 * job per user is enough whatever the number of changes: each push compares
 * the whole plan with the calendar.
 */
export async function requestCalendarPush({ userId }: { userId: string }): Promise<boolean> {
  if (!isCalendarPushActive(await loadGoogleConnection({ userId }))) return false;
  const data: CalendarPushJobData = { userId };
  await enqueue(QUEUES.calendarPush, data, { singletonKey: userId });
  return true;
}

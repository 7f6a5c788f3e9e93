import "server-only";
import { eq } from "drizzle-orm";
import { db, type Database } from "@/lib/db/client";
import { googleSettings } from "@/lib/db/schema";
import { loadGoogleConnection, type GoogleConnection } from "@/lib/google/connection";
import { CALENDAR_APP_CREATED_SCOPE } from "@/lib/google/scopes";
import { enqueue, QUEUES, type QueueTransaction } from "@/lib/jobs/queue";
import { logError } from "@/lib/log";

export type CalendarPushJobData = { userId: string };

/** A transaction of the app's database client, able to open a savepoint. */
export type PushTransaction = Pick<Database, "select" | "execute" | "transaction">;

/** Push only for users who opted in, granted the scope, and whose connection works. */
export function isCalendarPushActive(connection: GoogleConnection | null): connection is GoogleConnection {
  return Boolean(connection?.setting.calendarPush && !connection.isBroken && connection.scopes.has(CALENDAR_APP_CREATED_SCOPE));
}

// Most users never turn the push on, and every plan change asks: the setting
// alone (one row by primary key) answers for them, before the connection (three
// tables and a decryption) is read.
async function hasCalendarPushOn(userId: string, executor: Pick<Database, "select">): Promise<boolean> {
  const [setting] = await executor.select({ isOn: googleSettings.calendarPush }).from(googleSettings).where(eq(googleSettings.userId, userId));
  return setting?.isOn === true;
}

/**
 * Asks the worker to bring the user's Google calendar up to date; returns
 * whether a push was queued. For users without calendar push it costs one
 * small query and queues nothing. One job per user is enough whatever the number of
 * changes: each push compares the whole plan with the calendar.
 *
 * With `transaction` (a plan change, lib/plan/plan-change.ts) the job is
 * written by that transaction: it exists only if the change commits, and the
 * worker sees it only once the new plan is readable. The write is in a
 * savepoint, so a queue failure never undoes the user's change; the check
 * before it only reads. Either way a failure is logged, not thrown: the change
 * stands, and the next push sends the whole plan.
 */
export async function requestCalendarPush({ userId, transaction }: { userId: string; transaction?: PushTransaction }): Promise<boolean> {
  try {
    if (!(await hasCalendarPushOn(userId, transaction ?? db))) return false;
    if (!isCalendarPushActive(await loadGoogleConnection({ userId, executor: transaction }))) return false;
    const data: CalendarPushJobData = { userId };
    const send = (savepoint?: QueueTransaction) => enqueue(QUEUES.calendarPush, data, { singletonKey: userId, transaction: savepoint });
    await (transaction ? transaction.transaction(send) : send());
    return true;
  } catch (error) {
    logError("calendar.push_not_requested", error, { userId });
    return false;
  }
}

import "server-only";
import { requestCalendarPush, type PushTransaction } from "@/lib/calendar/push-request";

/**
 * "The plan changed", said once, by the one writer of stored plans
 * (syncInterviewPlans), inside the transaction that changed it, so the news
 * commits or rolls back with the change. Whatever follows the plan outside the
 * app's own pages hears it here, so no action, worker or sign-in has to
 * remember to tell it: today that is the Google Calendar push
 * (docs/architecture.md "The plan-change event"). Without `transaction` it is
 * said after the fact, for a change already committed.
 */
export async function announcePlanChange({ userId, transaction }: { userId: string; transaction?: PushTransaction }): Promise<void> {
  await requestCalendarPush({ userId, transaction });
}

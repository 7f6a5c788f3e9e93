import "server-only";
import { and, eq, inArray, ne, type SQL } from "drizzle-orm";
import { outboundMessages, planSteps } from "@/lib/db/schema";
import type { Executor } from "@/lib/db/client";

export const STEP_CLOSED_REASON = "Won't be sent: the step was closed before its send time (they replied, or it was marked done or skipped).";

/**
 * docs/rules.md "Outcomes": a step that closed (done, skipped, a reply, an
 * outcome) takes its scheduled message with it, in the same transaction, so the
 * Outbox and the draft say "won't be sent" at once instead of at its send time.
 * Messages already sending or sent are left alone; the worker checks again
 * before it claims a message (lib/mail/delivery.ts).
 */
export async function cancelMessagesOfClosedSteps(
  tx: Executor,
  { userId, interviewIds, now }: { userId: string; interviewIds: string[]; now: Date },
): Promise<string[]> {
  if (interviewIds.length === 0) return [];
  return cancelScheduledMessagesWhereStepClosed(tx, {
    now,
    among: and(eq(outboundMessages.userId, userId), inArray(outboundMessages.interviewId, interviewIds))!,
  });
}

/**
 * The one statement behind both moments a closed step's message is cancelled:
 * when the step closes (above) and when the worker is about to claim it
 * (lib/mail/delivery.ts), for the messages `among` picks.
 */
export async function cancelScheduledMessagesWhereStepClosed(tx: Executor, { now, among }: { now: Date; among: SQL }): Promise<string[]> {
  const cancelled = await tx
    .update(outboundMessages)
    .set({ status: "cancelled", lastError: STEP_CLOSED_REASON, lastErrorAt: now, updatedAt: now })
    // where() right after set(): the lint rule (drizzle/enforce-update-with-where) looks there; the SQL is the same
    .where(and(eq(planSteps.id, outboundMessages.stepId), ne(planSteps.status, "pending"), eq(outboundMessages.status, "scheduled"), among))
    .from(planSteps)
    .returning({ id: outboundMessages.id });
  return cancelled.map((row) => row.id);
}

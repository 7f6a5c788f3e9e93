import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboundMessages } from "@/lib/db/schema";
import { enqueue, QUEUES } from "@/lib/jobs/queue";

/** A scheduled message whose job has not picked it up this long after its time has lost its job. */
export const LOST_JOB_GRACE_MS = 2 * 60_000;

const ABANDONED_REASON =
  "The worker stopped while this message was being sent, so we can't tell whether it left. Check your Sent folder.";

/**
 * The safety net under the queue (every minute): a message queued while the
 * queue was unreachable gets its job, and a send whose worker died and whose job
 * ran out of retries becomes "unknown" instead of staying "sending" forever.
 */
export async function sweepOutbox({ now, expireInSeconds }: { now: Date; expireInSeconds: number }) {
  const abandonedBefore = new Date(now.getTime() - 3 * expireInSeconds * 1000);
  const abandoned = await db
    .update(outboundMessages)
    .set({ status: "unknown", lastError: ABANDONED_REASON, lastErrorAt: now, updatedAt: now })
    .where(and(eq(outboundMessages.status, "sending"), lt(outboundMessages.claimedAt, abandonedBefore)))
    .returning({ id: outboundMessages.id });

  const lost = await db
    .select({ id: outboundMessages.id })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.status, "scheduled"),
        lt(outboundMessages.sendAt, new Date(now.getTime() - LOST_JOB_GRACE_MS)),
        sql`not exists (
          select 1 from pgboss.job j
          where j.name = ${QUEUES.outboxSend} and j.data->>'messageId' = ${outboundMessages.id}::text and j.state < 'completed'
        )`,
      ),
    );
  for (const { id } of lost) await enqueue(QUEUES.outboxSend, { messageId: id });
  return { requeued: lost.length, markedUnknown: abandoned.length };
}

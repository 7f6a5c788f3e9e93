import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboundMessages } from "@/lib/db/schema";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { markAbandonedSends } from "./delivery";

/** A scheduled message whose job has not picked it up this long after its time has lost its job. */
export const LOST_JOB_GRACE_MS = 2 * 60_000;

/**
 * The safety net under the queue (every minute): a message queued while the
 * queue was unreachable gets its job, and a send whose worker died and whose job
 * ran out of retries becomes "unknown" instead of staying "sending" forever.
 */
export async function sweepOutbox({ now, expireInSeconds }: { now: Date; expireInSeconds: number }) {
  // later than a job's own expiry and retry would have settled it
  const markedUnknown = await markAbandonedSends({ now, claimedBefore: new Date(now.getTime() - 3 * expireInSeconds * 1000) });

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
  return { requeued: lost.length, markedUnknown };
}

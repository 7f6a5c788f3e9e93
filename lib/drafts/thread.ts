import "server-only";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { outboundMessages } from "@/lib/db/schema";
import { LOCKING_STATUSES } from "@/lib/db/outbox-status";

// "Re:", "RE :", "Aw:", "Re[2]:" as mail clients prefix replies, repeated
const REPLY_PREFIX = /^(?:\s*(?:re|aw|sv|antw)(?:\[\d+\])?\s*:\s*)+/i;

/** The subject a reply in this thread carries: one "Re: " before the first message's subject. */
export function toReplySubject(subject: string): string {
  const base = subject.replace(REPLY_PREFIX, "").trim();
  return base ? `Re: ${base}` : "";
}

/**
 * docs/rules.md "Threading": a follow-up to someone who already got a message
 * (the thank-you, as a rule) answers it: "Re: <that subject>", as it stands in
 * the outbox (the user may have edited it), so mail clients show one
 * conversation. Null when nothing went, or is scheduled to go, to that person:
 * the follow-up then starts with its own subject.
 */
export async function findThreadSubject({
  userId,
  interviewerId,
  stepId,
}: {
  userId: string;
  interviewerId: string | null;
  stepId: string;
}): Promise<string | null> {
  if (!interviewerId) return null;
  const [first] = await db
    .select({ subject: outboundMessages.subject })
    .from(outboundMessages)
    .where(
      and(
        eq(outboundMessages.userId, userId),
        eq(outboundMessages.interviewerId, interviewerId),
        inArray(outboundMessages.status, [...LOCKING_STATUSES]),
        ne(outboundMessages.stepId, stepId),
      ),
    )
    .orderBy(asc(sql`coalesce(${outboundMessages.sentAt}, ${outboundMessages.sendAt})`), asc(outboundMessages.createdAt))
    .limit(1);
  return first ? toReplySubject(first.subject) || null : null;
}

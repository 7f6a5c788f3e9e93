import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities, outboundMessages, planSteps, replies, users } from "@/lib/db/schema";
import { syncInterviewPlans } from "@/lib/plan/sync";
import { toStorableLine } from "@/lib/validation/text";
import type { IncomingMail, ReplyCandidates, ReplyMatch } from "./match";

export type ReplySource = "imap" | "gmail";

const SUBJECT_MAX_CHARS = 500;
const ADDRESS_MAX_CHARS = 320;

// An interview is awaiting an answer while a follow-up (or the call, or the
// "move on" nudge) is still pending: a reply, an outcome or a later round has
// not cancelled them yet.
function isAwaitingFollowUps(userId: string) {
  return sql`exists (
    select 1 from ${planSteps}
    where ${planSteps.interviewId} = ${interviews.id}
      and ${planSteps.userId} = ${userId}
      and ${planSteps.status} = 'pending'
      and ${planSteps.kind} in ('follow_up', 'call', 'move_on')
  )`;
}

/** What a reply could answer, for one user: two queries, both scoped by the user. */
export async function loadReplyCandidates({ userId }: { userId: string }): Promise<ReplyCandidates> {
  const [people, sent] = await Promise.all([
    db
      .select({
        interviewId: interviews.id,
        interviewerId: interviewers.id,
        address: interviewers.email,
        since: interviews.startsAt,
        userEmail: sql<string | null>`(select ${users.email} from ${users} where ${users.id} = ${userId})`,
      })
      .from(interviewers)
      .innerJoin(interviews, eq(interviews.id, interviewers.interviewId))
      .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
      .where(
        and(
          eq(interviewers.userId, userId),
          eq(interviews.userId, userId),
          eq(opportunities.status, "active"),
          isNotNull(interviewers.email),
          isAwaitingFollowUps(userId),
        ),
      ),
    db
      .select({
        messageId: outboundMessages.messageId,
        interviewId: outboundMessages.interviewId,
        interviewerId: outboundMessages.interviewerId,
        toAddress: outboundMessages.toAddress,
        fromAddress: outboundMessages.fromAddress,
        sentAt: outboundMessages.sentAt,
      })
      .from(outboundMessages)
      .innerJoin(interviews, eq(interviews.id, outboundMessages.interviewId))
      .where(
        and(
          eq(outboundMessages.userId, userId),
          eq(outboundMessages.status, "sent"),
          isNotNull(outboundMessages.sentAt),
          isAwaitingFollowUps(userId),
        ),
      ),
  ]);
  const ownAddresses = new Set<string>();
  for (const row of sent) ownAddresses.add(row.fromAddress);
  const userEmail = people[0]?.userEmail;
  if (userEmail) ownAddresses.add(userEmail);
  return {
    sent: sent.map(({ fromAddress: _from, sentAt, ...row }) => ({ ...row, sentAt: sentAt! })),
    awaiting: people.map(({ userEmail: _email, address, ...row }) => ({ ...row, address: address! })),
    ownAddresses: [...ownAddresses],
  };
}

/**
 * Records a reply found in the user's mailbox and re-plans its interview in
 * the same transaction, so the pending follow-ups are cancelled at once
 * (docs/rules.md "Outcomes"). Idempotent on the mail's externalId: a mailbox
 * checked twice records a message once.
 */
export async function recordDetectedReply({
  userId,
  match,
  mail,
  source,
  now,
}: {
  userId: string;
  match: ReplyMatch;
  mail: IncomingMail;
  source: ReplySource;
  now: Date;
}): Promise<{ isRecorded: boolean }> {
  return db.transaction(async (tx) => {
    const [interview] = await tx
      .select({ id: interviews.id })
      .from(interviews)
      .where(and(eq(interviews.id, match.interviewId), eq(interviews.userId, userId)));
    if (!interview) return { isRecorded: false };
    const [person] = match.interviewerId
      ? await tx
          .select({ id: interviewers.id })
          .from(interviewers)
          .where(and(eq(interviewers.id, match.interviewerId), eq(interviewers.interviewId, interview.id), eq(interviewers.userId, userId)))
      : [];
    const inserted = await tx
      .insert(replies)
      .values({
        userId,
        interviewId: interview.id,
        interviewerId: person?.id ?? null,
        receivedAt: mail.receivedAt,
        source,
        // the sender controls these: a NUL (=00 in an encoded word) would fail the insert on every check
        externalId: toStorableLine(mail.externalId),
        fromAddress: toStorableLine(mail.fromAddress).slice(0, ADDRESS_MAX_CHARS),
        subject: toStorableLine(mail.subject).slice(0, SUBJECT_MAX_CHARS),
      })
      .onConflictDoNothing({ target: [replies.userId, replies.externalId] })
      .returning({ id: replies.id });
    if (inserted.length === 0) return { isRecorded: false };
    await syncInterviewPlans(tx, { userId, interviewIds: [interview.id], now });
    return { isRecorded: true };
  });
}


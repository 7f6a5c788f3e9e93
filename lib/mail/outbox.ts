import "server-only";
import { and, desc, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { outboundMessages, type OutboundMessage } from "@/lib/db/schema";
import { renderApprovedDraft } from "@/lib/drafts/store";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { markStepsSent } from "@/lib/plan/step-actions";
import { composeMessage, createMessageId } from "./compose";
import { resolveSender } from "./sender";

/** How far ahead a send can be scheduled. */
export const MAX_SCHEDULE_AHEAD_DAYS = 365;
/** A picked time this little in the past (the form took a moment) still counts as "now". */
const PAST_TOLERANCE_MS = 60_000;

export type SendWhen = { at: "now" } | { at: "proposed" } | { at: Date };

export type OutboxJobData = { messageId: string };

const recipientSchema = z.email();

function resolveSendAt(when: SendWhen, dueAt: Date, now: Date): Date {
  if (when.at === "now") return now;
  if (when.at === "proposed") return dueAt > now ? dueAt : now;
  if (when.at.getTime() < now.getTime() - PAST_TOLERANCE_MS) {
    throw new UserFacingError("Pick a time in the future.", { sendAt: ["Pick a time in the future"] });
  }
  if (when.at.getTime() > now.getTime() + MAX_SCHEDULE_AHEAD_DAYS * 86_400_000) {
    throw new UserFacingError("Pick a time within a year.", { sendAt: ["Pick a time within a year"] });
  }
  return when.at > now ? when.at : now;
}

const STATE_BLOCKS_QUEUEING: Partial<Record<OutboundMessage["status"], string>> = {
  sending: "This message is being sent right now.",
  sent: "This message has already been sent.",
  unknown: "We can't tell whether this message left. Check your Sent folder, then choose \"It was sent\" or \"Send again\".",
};

/**
 * Queues the approved draft of a step for its interviewer: builds the MIME
 * message once (what is sent is what was approved), threads a follow-up under
 * the message already sent to that person, and releases a job at the send time.
 * Queueing again before it goes reschedules it; after a failure or a cancel it
 * starts over with a new Message-ID.
 */
export async function queueStepMessage({
  userId,
  stepId,
  when,
  now,
  allowUnknown = false,
}: {
  userId: string;
  stepId: string;
  when: SendWhen;
  now: Date;
  allowUnknown?: boolean;
}): Promise<OutboundMessage> {
  const approved = await renderApprovedDraft({ userId, stepId });
  const { step, interviewer, draft } = approved;
  if (step.status !== "pending") throw new UserFacingError("This step is no longer pending, so there is nothing to send.");
  if (!interviewer?.email || !recipientSchema.safeParse(interviewer.email).success) {
    throw new UserFacingError(`Add ${interviewer?.name || "the interviewer"}'s email address to the interview to send this.`);
  }
  const sendAt = resolveSendAt(when, step.dueAt, now);
  const sender = await resolveSender({ userId });
  const idempotencyKey = `${step.id}/${interviewer.id}`;

  const message = await db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.idempotencyKey, idempotencyKey), eq(outboundMessages.userId, userId)))
      .for("update");
    const blocked = existing && STATE_BLOCKS_QUEUEING[existing.status];
    if (blocked && !(allowUnknown && existing.status === "unknown")) throw new UserFacingError(blocked);

    // docs/rules.md "Follow-ups": the follow-up goes into the thread of what this person already got.
    const [parent] = await tx
      .select({ messageId: outboundMessages.messageId, references: outboundMessages.references, gmailThreadId: outboundMessages.gmailThreadId })
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.userId, userId),
          eq(outboundMessages.interviewerId, interviewer.id),
          eq(outboundMessages.status, "sent"),
          ne(outboundMessages.stepId, step.id),
        ),
      )
      .orderBy(desc(outboundMessages.sentAt))
      .limit(1);
    const references = parent ? [...(parent.references?.split(" ").filter(Boolean) ?? []), parent.messageId] : [];
    // a reschedule keeps its Message-ID; a fresh attempt after failure, cancel or "send again" gets a new one
    const messageId = existing?.status === "scheduled" ? existing.messageId : createMessageId(sender.from.address);
    const raw = await composeMessage({
      from: sender.from,
      to: { name: interviewer.name, address: interviewer.email! },
      subject: draft.subject,
      html: approved.html,
      text: approved.text,
      messageId,
      inReplyTo: parent?.messageId ?? null,
      references,
      date: sendAt,
    });
    const values = {
      status: "scheduled" as const,
      transport: sender.kind,
      fromAddress: sender.from.address,
      toAddress: interviewer.email!,
      toName: interviewer.name,
      subject: draft.subject,
      mime: raw.toString("base64"),
      messageId,
      inReplyTo: parent?.messageId ?? null,
      references: references.length ? references.join(" ") : null,
      gmailThreadId: sender.kind === "gmail" ? (parent?.gmailThreadId ?? null) : null,
      sendAt,
      claimToken: null,
      claimedAt: null,
      lastError: null,
      lastErrorAt: null,
      updatedAt: now,
    };
    if (existing) {
      const [updated] = await tx
        .update(outboundMessages)
        .set({ ...values, attempts: existing.status === "scheduled" ? existing.attempts : 0, providerMessageId: null })
        .where(eq(outboundMessages.id, existing.id))
        .returning();
      return updated!;
    }
    const [inserted] = await tx
      .insert(outboundMessages)
      .values({ ...values, userId, interviewId: step.interviewId, stepId: step.id, interviewerId: interviewer.id, idempotencyKey })
      .returning();
    return inserted!;
  });
  // After commit, so the worker finds the row; if this fails, the sweep re-enqueues it.
  await enqueue(QUEUES.outboxSend, { messageId: message.id } satisfies OutboxJobData, { startAfter: sendAt });
  return message;
}

async function loadOwnedMessage(userId: string, messageId: string): Promise<OutboundMessage> {
  if (!isUuid(messageId)) throw new NotFoundError("Message not found");
  const [message] = await db
    .select()
    .from(outboundMessages)
    .where(and(eq(outboundMessages.id, messageId), eq(outboundMessages.userId, userId)));
  if (!message) throw new NotFoundError("Message not found");
  return message;
}

/** Stops a message that has not left yet. */
export async function cancelMessage({ userId, messageId, now }: { userId: string; messageId: string; now: Date }): Promise<void> {
  await loadOwnedMessage(userId, messageId);
  const [cancelled] = await db
    .update(outboundMessages)
    .set({ status: "cancelled", updatedAt: now })
    .where(and(eq(outboundMessages.id, messageId), eq(outboundMessages.userId, userId), eq(outboundMessages.status, "scheduled")))
    .returning({ id: outboundMessages.id });
  if (!cancelled) throw new UserFacingError("This message is no longer waiting to be sent, so it can't be cancelled.");
}

/** Sends a failed message again, now. */
export async function retryMessage({ userId, messageId, now }: { userId: string; messageId: string; now: Date }): Promise<OutboundMessage> {
  const message = await loadOwnedMessage(userId, messageId);
  if (message.status !== "failed" && message.status !== "cancelled") throw new UserFacingError("Only a failed or cancelled message can be sent again.");
  return queueStepMessage({ userId, stepId: message.stepId, when: { at: "now" }, now });
}

/**
 * "Unknown" is the user's call (docs/user-guide.md "Sending: what can go wrong"): they
 * checked their Sent folder and tell us it left, or ask to send it again.
 */
export async function resolveUnknownMessage({
  userId,
  messageId,
  resolution,
  now,
}: {
  userId: string;
  messageId: string;
  resolution: "sent" | "send_again";
  now: Date;
}): Promise<void> {
  const message = await loadOwnedMessage(userId, messageId);
  if (message.status !== "unknown") throw new UserFacingError("This message's outcome is already known.");
  if (resolution === "send_again") {
    await queueStepMessage({ userId, stepId: message.stepId, when: { at: "now" }, now, allowUnknown: true });
    return;
  }
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(outboundMessages)
      .set({ status: "sent", sentAt: message.claimedAt ?? now, lastError: null, updatedAt: now })
      .where(and(eq(outboundMessages.id, messageId), eq(outboundMessages.status, "unknown")))
      .returning({ id: outboundMessages.id });
    if (updated) await markStepsSent(tx, { userId, steps: [{ stepId: message.stepId, sentAt: message.claimedAt ?? now }], now });
  });
}

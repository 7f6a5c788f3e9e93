import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { interviews, opportunities, outboundMessages, smtpSettings } from "@/lib/db/schema";
import { resolveSender } from "./sender";

/** What the pages show of a message: everything but the MIME bytes. */
const messageColumns = {
  id: outboundMessages.id,
  stepId: outboundMessages.stepId,
  interviewId: outboundMessages.interviewId,
  status: outboundMessages.status,
  transport: outboundMessages.transport,
  fromAddress: outboundMessages.fromAddress,
  toAddress: outboundMessages.toAddress,
  toName: outboundMessages.toName,
  subject: outboundMessages.subject,
  sendAt: outboundMessages.sendAt,
  sentAt: outboundMessages.sentAt,
  claimedAt: outboundMessages.claimedAt,
  attempts: outboundMessages.attempts,
  lastError: outboundMessages.lastError,
  lastErrorAt: outboundMessages.lastErrorAt,
  updatedAt: outboundMessages.updatedAt,
};

export const OUTBOX_PAGE_SIZE = 100;

export async function getStepMessage({ userId, stepId }: { userId: string; stepId: string }) {
  const [message] = await db
    .select(messageColumns)
    .from(outboundMessages)
    .where(and(eq(outboundMessages.stepId, stepId), eq(outboundMessages.userId, userId)))
    .orderBy(desc(outboundMessages.updatedAt))
    .limit(1);
  return message ?? null;
}

export type MessageSummary = NonNullable<Awaited<ReturnType<typeof getStepMessage>>>;

export async function listInterviewMessages({ userId, interviewId }: { userId: string; interviewId: string }) {
  return db
    .select(messageColumns)
    .from(outboundMessages)
    .where(and(eq(outboundMessages.interviewId, interviewId), eq(outboundMessages.userId, userId)));
}

export async function listOutbox({ userId, limit = OUTBOX_PAGE_SIZE }: { userId: string; limit?: number }) {
  return db
    .select({ ...messageColumns, company: opportunities.company, role: opportunities.role })
    .from(outboundMessages)
    .innerJoin(interviews, eq(interviews.id, outboundMessages.interviewId))
    .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
    .where(eq(outboundMessages.userId, userId))
    .orderBy(desc(outboundMessages.updatedAt))
    .limit(limit);
}

export type OutboxEntry = Awaited<ReturnType<typeof listOutbox>>[number];

// Keyed by the id: React's cache compares arguments by identity (lib/users/settings.ts).
const readSendingAccount = cache(async function readSendingAccount(userId: string) {
  const sender = await resolveSender({ userId });
  return { kind: sender.kind, label: sender.label, fromAddress: sender.from.address };
});

/** Which account the user's mail leaves from, for the pages to say so. */
export function getSendingAccount({ userId }: { userId: string }) {
  return readSendingAccount(userId);
}

export async function getSmtpSettingsView({ userId }: { userId: string }) {
  const [row] = await db
    .select({
      host: smtpSettings.host,
      port: smtpSettings.port,
      security: smtpSettings.security,
      username: smtpSettings.username,
      fromAddress: smtpSettings.fromAddress,
      fromName: smtpSettings.fromName,
      lastError: smtpSettings.lastError,
      lastErrorAt: smtpSettings.lastErrorAt,
      verifiedAt: smtpSettings.verifiedAt,
    })
    .from(smtpSettings)
    .where(eq(smtpSettings.userId, userId));
  return row ?? null;
}

import "server-only";
import { and, eq, inArray, lt, lte, sql } from "drizzle-orm";
import { db, getDb } from "@/lib/db/client";
import { outboundMessages, smtpSettings, type OutboundMessage } from "@/lib/db/schema";
import { logError } from "@/lib/log";
import { markStepsSent } from "@/lib/plan/step-actions";
import { cancelScheduledMessagesWhereStepClosed } from "./closed-steps";
import type { OutboxJobData } from "./outbox";
import { getTransportFor } from "./sender";
import { DeliveryError, type MailTransport, type TransportReceipt } from "./transports/types";

/**
 * A send job as fetched. `retryLimit` is how many times a message may be sent
 * again after a temporary failure, counted by the message's own `attempts`
 * (claims): pg-boss's retryCount also counts fetches by workers that died
 * before claiming, which would cost a message one of its tries.
 */
export type DeliveryJob = { id: string; data: OutboxJobData; retryLimit: number; retryDelaySeconds: number };

export type DeliveryContext = {
  now: () => Date;
  /** a job active longer than this was abandoned by a dead worker */
  expireInSeconds: number;
  getTransport?: (message: Pick<OutboundMessage, "userId" | "transport">) => Promise<MailTransport>;
  /** the worker is stopping: messages not yet claimed go back to the queue untouched */
  isStopping?: () => boolean;
};

export type DeliveryResult = {
  sent: number;
  failed: number;
  unknown: number;
  cancelled: number;
  /** jobs to hand back to the queue, which retries them with backoff */
  /** `startAfter`: the backoff after a temporary failure; absent, at once (nothing was tried) */
  retry: { jobId: string; messageId: string; startAfter?: Date }[];
};

const WORKER_DIED_REASON =
  "The worker stopped while this message was being sent, so we can't tell whether it left. Check your Sent folder.";

type Outcome = "sent" | "failed" | "unknown" | "retry" | "skipped";

/** Backoff doubling from the job's delay with up to as much again of jitter, as pg-boss's retryBackoff does. */
const MAX_BACKOFF_DOUBLINGS = 16;

function retryAfter(attempts: number, delaySeconds: number, now: Date): Date {
  const seconds = delaySeconds * 2 ** Math.min(MAX_BACKOFF_DOUBLINGS, Math.max(0, attempts - 1)) * (1 + Math.random());
  return new Date(now.getTime() + seconds * 1000);
}

async function markFailure(message: OutboundMessage, now: Date, status: "failed" | "unknown" | "scheduled", error: string): Promise<boolean> {
  const [updated] = await db
    .update(outboundMessages)
    .set({
      status,
      lastError: error,
      lastErrorAt: now,
      updatedAt: now,
      ...(status === "scheduled" ? { claimToken: null, claimedAt: null } : {}),
    })
    .where(and(eq(outboundMessages.id, message.id), eq(outboundMessages.claimToken, message.claimToken!), eq(outboundMessages.status, "sending")))
    .returning({ id: outboundMessages.id });
  return Boolean(updated);
}

const STEP_UPDATE_ATTEMPTS = 3;

// The two statements every message runs, prepared once per process (built per
// call, a Drizzle statement costs about 3x more for a one-row write).
let statements: ReturnType<typeof prepareDeliveryStatements> | undefined;

function prepareDeliveryStatements() {
  const database = getDb();
  const id = sql.placeholder("id");
  const now = sql.placeholder("now");
  return {
    claim: database
      .update(outboundMessages)
      .set({
        status: "sending",
        claimToken: sql`gen_random_uuid()`,
        claimedAt: sql`${now}`,
        attempts: sql`${outboundMessages.attempts} + 1`,
        updatedAt: sql`${now}`,
      })
      .where(and(eq(outboundMessages.id, id), eq(outboundMessages.status, "scheduled"), lte(outboundMessages.sendAt, now)))
      .returning()
      .prepare("outbox_claim"),
    // "unknown" too: a send that outlived its job is still the truth when it reports back
    markSent: database
      .update(outboundMessages)
      .set({
        status: "sent",
        sentAt: sql`${now}`,
        providerMessageId: sql`${sql.placeholder("providerMessageId")}`,
        gmailThreadId: sql`${sql.placeholder("gmailThreadId")}`,
        lastError: null,
        lastErrorAt: null,
        updatedAt: sql`${now}`,
      })
      .where(
        and(
          eq(outboundMessages.id, id),
          eq(outboundMessages.claimToken, sql.placeholder("claimToken")),
          inArray(outboundMessages.status, ["sending", "unknown"]),
        ),
      )
      .returning({ id: outboundMessages.id })
      .prepare("outbox_mark_sent"),
  };
}

function deliveryStatements() {
  statements ??= prepareDeliveryStatements();
  return statements;
}

/**
 * The message left: record it at once, in one statement, so nothing later can
 * turn a delivered message into a retry. Its step is closed with the batch.
 */
async function markSent(message: OutboundMessage, now: Date, receipt: { providerMessageId: string | null; gmailThreadId: string | null }): Promise<boolean> {
  const [updated] = await deliveryStatements().markSent.execute({
    id: message.id,
    claimToken: message.claimToken,
    now: now.toISOString(),
    providerMessageId: receipt.providerMessageId,
    gmailThreadId: receipt.gmailThreadId ?? message.gmailThreadId,
  });
  return Boolean(updated);
}

/**
 * The steps of a batch's sent messages are done as of their send, and each
 * user's interviews re-planned once (docs/rules.md "Follow-ups": later steps count
 * from the real send), not once per message. Retried: two batches may re-plan
 * the same interview at once. A failure leaves the step on the dashboard.
 */
async function closeSentSteps(sent: { message: OutboundMessage; sentAt: Date }[], now: Date): Promise<void> {
  const byUser = new Map<string, typeof sent>();
  for (const entry of sent) {
    const entries = byUser.get(entry.message.userId);
    if (entries) entries.push(entry);
    else byUser.set(entry.message.userId, [entry]);
  }
  for (const [userId, entries] of byUser) {
    for (let attempt = 1; attempt <= STEP_UPDATE_ATTEMPTS; attempt++) {
      try {
        await db.transaction((tx) =>
          markStepsSent(tx, { userId, steps: entries.map((entry) => ({ stepId: entry.message.stepId, sentAt: entry.sentAt })), now }),
        );
        break;
      } catch (error) {
        if (attempt === STEP_UPDATE_ATTEMPTS) logError("outbox.steps_not_marked_sent", error, { userId });
      }
    }
  }
}

async function deliverOne(
  message: OutboundMessage,
  job: DeliveryJob,
  context: DeliveryContext,
  transportFor: Promise<MailTransport>,
  sent: { message: OutboundMessage; sentAt: Date }[],
): Promise<Outcome> {
  let hasStartedSending = false;
  let hasSent = false;
  let receipt: TransportReceipt;
  try {
    const transport = await transportFor;
    hasStartedSending = true;
    receipt = await transport.send({
      raw: Buffer.from(message.mime, "base64"),
      from: message.fromAddress,
      to: message.toAddress,
      gmailThreadId: message.gmailThreadId,
    });
    hasSent = true;
    const sentAt = context.now();
    if (await markSent(message, sentAt, receipt)) sent.push({ message, sentAt });
    return "sent";
  } catch (caught) {
    if (hasSent) {
      logError("outbox.sent_not_recorded", caught, { userId: message.userId, messageId: message.id });
      return "sent";
    }
    const error =
      caught instanceof DeliveryError
        ? caught
        : hasStartedSending
          ? new DeliveryError("unknown", "Something went wrong while sending, so we can't tell whether the message left. Check your Sent folder.", { cause: caught })
          : new DeliveryError("temporary", "The message could not be prepared for sending; it will be tried again.", { cause: caught });
    if (!(caught instanceof DeliveryError)) logError("outbox.delivery_failed", caught, { userId: message.userId, messageId: message.id });
    const now = context.now();
    if (error.isAuthFailure && message.transport === "smtp") {
      await db.update(smtpSettings).set({ lastError: error.userMessage, lastErrorAt: now }).where(eq(smtpSettings.userId, message.userId));
    }
    if (error.outcome === "unknown") {
      await markFailure(message, now, "unknown", error.userMessage);
      return "unknown";
    }
    if (error.outcome === "temporary" && message.attempts <= job.retryLimit) {
      await markFailure(message, now, "scheduled", `${error.userMessage} Trying again.`);
      return "retry";
    }
    const attempts = error.outcome === "temporary" ? `Gave up after ${message.attempts} attempts. ` : "";
    await markFailure(message, now, "failed", `${attempts}${error.userMessage}`);
    return "failed";
  }
}

/**
 * Right before sending, one message at a time: a worker that dies leaves only
 * the messages it was actually sending in "sending", not its whole batch.
 */
async function claimMessage(id: string, now: Date): Promise<OutboundMessage | undefined> {
  const [claimed] = await deliveryStatements().claim.execute({ id, now: now.toISOString() });
  return claimed;
}

/**
 * Sends still "sending" though claimed before `claimedBefore`: their worker
 * died, so nobody can tell whether they left. They become "unknown" for the
 * user to settle, never sent again. `ids` limits it to a batch's messages.
 */
export async function markAbandonedSends({ now, claimedBefore, ids }: { now: Date; claimedBefore: Date; ids?: string[] }): Promise<number> {
  const abandoned = await db
    .update(outboundMessages)
    .set({ status: "unknown", lastError: WORKER_DIED_REASON, lastErrorAt: now, updatedAt: now })
    .where(and(ids ? inArray(outboundMessages.id, ids) : undefined, eq(outboundMessages.status, "sending"), lt(outboundMessages.claimedAt, claimedBefore)))
    .returning({ id: outboundMessages.id });
  return abandoned.length;
}

/**
 * One batch of send jobs. The queue delivers at least once, so the row is the
 * guard: only a row this call moved from "scheduled" to "sending" is sent, and
 * a row still "sending" after its job expired (the worker died mid-send) becomes
 * "unknown" for the user to resolve instead of being sent again.
 */
export async function deliverJobs(jobs: DeliveryJob[], context: DeliveryContext): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, unknown: 0, cancelled: 0, retry: [] };
  const jobByMessage = new Map<string, DeliveryJob>();
  for (const job of jobs) if (!jobByMessage.has(job.data.messageId)) jobByMessage.set(job.data.messageId, job);
  const ids = [...jobByMessage.keys()];
  if (ids.length === 0) return result;
  const now = context.now();

  // docs/rules.md "Outcomes": a reply or an outcome closes the step; its message must not go.
  const cancelled = await cancelScheduledMessagesWhereStepClosed(db, { now, among: inArray(outboundMessages.id, ids) });
  result.cancelled = cancelled.length;

  result.unknown += await markAbandonedSends({ now, claimedBefore: new Date(now.getTime() - context.expireInSeconds * 1000), ids });

  // One transport per account for the batch, found before anything is claimed.
  const waiting = await db
    .select({ id: outboundMessages.id, userId: outboundMessages.userId, transport: outboundMessages.transport })
    .from(outboundMessages)
    .where(and(inArray(outboundMessages.id, ids), eq(outboundMessages.status, "scheduled")));
  const transports = new Map<string, Promise<MailTransport>>();
  const transportFor = (row: (typeof waiting)[number]) => {
    const key = `${row.userId}/${row.transport}`;
    let transport = transports.get(key);
    if (!transport) {
      transport = (context.getTransport ?? getTransportFor)(row);
      transports.set(key, transport);
    }
    return transport;
  };

  const sent: { message: OutboundMessage; sentAt: Date }[] = [];
  const outcomes = await Promise.all(
    waiting.map(async (row): Promise<Outcome> => {
      const transport = transportFor(row);
      // A message is claimed only once its transport can put it on the wire:
      // a pool of 5 connections has at most 5 messages "sending" in this process.
      const slots = await transport.then(
        (resolved) => resolved.sendSlots,
        () => undefined,
      );
      const release = await slots?.acquire();
      try {
        const job = jobByMessage.get(row.id)!;
        if (context.isStopping?.()) {
          result.retry.push({ jobId: job.id, messageId: row.id });
          return "skipped";
        }
        const message = await claimMessage(row.id, context.now());
        if (!message) return "skipped";
        const outcome = await deliverOne(message, job, context, transport, sent);
        if (outcome === "retry") {
          result.retry.push({ jobId: job.id, messageId: row.id, startAfter: retryAfter(message.attempts, job.retryDelaySeconds, context.now()) });
        }
        return outcome;
      } finally {
        release?.();
      }
    }),
  );
  await closeSentSteps(sent, context.now());
  for (const outcome of outcomes) {
    if (outcome === "sent") result.sent++;
    else if (outcome === "failed") result.failed++;
    else if (outcome === "unknown") result.unknown++;
  }
  return result;
}

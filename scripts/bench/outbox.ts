import { eq, inArray, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { encryptSecret } from "@/lib/crypto";
import { getDb } from "@/lib/db/client";
import { interviewers, outboundMessages, planSteps, smtpSettings } from "@/lib/db/schema";
import { getQueue, QUEUES } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { composeMessage, createMessageId } from "@/lib/mail/compose";
import { connectWithoutDelay } from "@/lib/mail/transports/smtp";
import { summarise } from "./stats";

const MESSAGES = 1_000;
const SCHEDULED = 20;
const BODY = "Dear Jane,\n\nThank you for taking the time to meet with me today.\n\n".repeat(8);

// A loopback SMTP server that only drains what it gets (parsing would measure the parser).
export async function startSinkServer() {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username });
    },
    onData(stream, _session, callback) {
      stream.on("end", () => {
        received++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function rawMessage(index: number) {
  const messageId = createMessageId("ada@example.com");
  const raw = await composeMessage({
    from: { name: "Ada Lovelace", address: "ada@example.com" },
    to: { name: `Person ${index}`, address: `person${index}@example.test` },
    subject: `Thank you (${index})`,
    html: `<p>${BODY.replace(/\n/g, "<br>")}</p>`,
    text: BODY,
    messageId,
    inReplyTo: null,
    references: [],
    date: new Date(),
  });
  return { messageId, raw };
}

async function barePooledNodemailer(port: number, { noDelay }: { noDelay: boolean }): Promise<number> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 5,
    maxMessages: 100,
    ...(noDelay ? { getSocket: connectWithoutDelay } : {}),
  });
  const messages = await Promise.all(Array.from({ length: MESSAGES }, (_, index) => rawMessage(index)));
  const start = performance.now();
  await Promise.all(messages.map(({ raw }, index) => transport.sendMail({ envelope: { from: "ada@example.com", to: [`person${index}@example.test`] }, raw })));
  const seconds = (performance.now() - start) / 1000;
  transport.close();
  return MESSAGES / seconds;
}

// Outbox rows as queueStepMessage leaves them: one fresh pending step per
// interview of the seeded user (a send marks its step done and re-plans that
// interview, as in the app).
async function insertQueuedMessages(userId: string, count: number, sendAt: (index: number) => Date, label: string) {
  const db = getDb();
  const people = await db
    .selectDistinctOn([interviewers.interviewId], { interviewId: interviewers.interviewId, interviewerId: interviewers.id })
    .from(interviewers)
    .where(eq(interviewers.userId, userId))
    .orderBy(interviewers.interviewId, interviewers.position)
    .limit(count);
  const steps = await db
    .insert(planSteps)
    .values(
      people.map((person, index) => ({
        userId,
        interviewId: person.interviewId,
        key: `bench:${label}`,
        kind: "thank_you" as const,
        interviewerId: person.interviewerId,
        dueAt: sendAt(index),
        reason: "bench",
      })),
    )
    .returning({ id: planSteps.id, interviewId: planSteps.interviewId, interviewerId: planSteps.interviewerId });
  const rows = [];
  for (const [index, step] of steps.entries()) {
    const { messageId, raw } = await rawMessage(index);
    rows.push({
      userId,
      interviewId: step.interviewId,
      stepId: step.id,
      interviewerId: step.interviewerId!,
      idempotencyKey: `${step.id}/${step.interviewerId}`,
      transport: "smtp" as const,
      fromAddress: "ada@example.com",
      toAddress: `person${index}@example.test`,
      subject: `Thank you (${index})`,
      mime: raw.toString("base64"),
      messageId,
      sendAt: sendAt(index),
    });
  }
  const inserted: { id: string; sendAt: Date }[] = [];
  for (let start = 0; start < rows.length; start += 200) {
    inserted.push(...(await db.insert(outboundMessages).values(rows.slice(start, start + 200)).returning({ id: outboundMessages.id, sendAt: outboundMessages.sendAt })));
  }
  return inserted;
}

// The jobs, as queueStepMessage sends them, in one insert per 200.
async function enqueueJobs(rows: { id: string; sendAt: Date }[]) {
  const boss = await getQueue();
  for (let start = 0; start < rows.length; start += 200) {
    await boss.insert(
      rows
        .slice(start, start + 200)
        .map((row) => ({ name: QUEUES.outboxSend, data: { messageId: row.id }, startAfter: row.sendAt, expireInSeconds: 120, retryLimit: 5, retryDelay: 30, retryBackoff: true })),
    );
  }
  return rows.map((row) => row.id);
}

async function waitUntilSent(ids: string[]) {
  const db = getDb();
  for (;;) {
    const [row] = await db
      .select({ pending: sql<number>`count(*) filter (where ${outboundMessages.status} in ('scheduled', 'sending'))::int` })
      .from(outboundMessages)
      .where(inArray(outboundMessages.id, ids));
    if (row!.pending === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** issue 5: 1,000 messages through the whole outbox to a local SMTP server, and how late scheduled ones leave. */
export async function benchOutbox(userId: string) {
  const sink = await startSinkServer();
  const db = getDb();
  await db.insert(smtpSettings).values({
    userId,
    host: "127.0.0.1",
    port: sink.port,
    security: "none",
    username: "bench",
    passwordEncrypted: encryptSecret("bench"),
    fromAddress: "ada@example.com",
  });
  try {
    const bare = await barePooledNodemailer(sink.port, { noDelay: false });
    const bareNoDelay = await barePooledNodemailer(sink.port, { noDelay: true });
    console.log(`Sending (issue 5), ${MESSAGES} messages to a loopback SMTP server:`);
    console.log(`  bare pooled nodemailer (5 connections): ${bare.toFixed(0)} messages/s as configured by default, ${bareNoDelay.toFixed(0)} with TCP_NODELAY (what the outbox uses)`);

    const queued = await insertQueuedMessages(userId, MESSAGES, () => new Date(Date.now() - 1_000), "now");
    // a worker already running, as in production; the clock starts when the jobs arrive
    const worker = await startWorker();
    const start = performance.now();
    const ids = await enqueueJobs(queued);
    await waitUntilSent(ids);
    const seconds = (performance.now() - start) / 1000;
    const [sent] = await db
      .select({ count: sql<number>`count(*) filter (where ${outboundMessages.status} = 'sent')::int`, other: sql<string>`string_agg(distinct ${outboundMessages.status}::text || coalesce(' (' || ${outboundMessages.lastError} || ')', ''), ', ')` })
      .from(outboundMessages)
      .where(inArray(outboundMessages.id, ids));
    console.log(
      `  through the outbox (pg-boss, claim per message, SMTP pool, step marked done and re-planned): ${(ids.length / seconds).toFixed(0)} messages/s (${sent!.count} of ${ids.length} sent in ${seconds.toFixed(1)} s, states: ${sent!.other}; target at least 200/s)`,
    );

    const base = Date.now() + 3_000;
    const scheduled = await enqueueJobs(await insertQueuedMessages(userId, SCHEDULED, (index) => new Date(base + index * 250), "later"));
    await waitUntilSent(scheduled);
    const rows = await db.select({ sendAt: outboundMessages.sendAt, sentAt: outboundMessages.sentAt }).from(outboundMessages).where(inArray(outboundMessages.id, scheduled));
    const delays = summarise(rows.filter((row) => row.sentAt).map((row) => row.sentAt!.getTime() - row.sendAt.getTime()));
    console.log(
      `  scheduled send, delay after its time (${delays.runs} of ${SCHEDULED} sent): median ${(delays.median / 1000).toFixed(2)} s, max ${(delays.max / 1000).toFixed(2)} s (target within 5 s)`,
    );
    await worker.stop();
  } finally {
    await sink.close();
  }
}

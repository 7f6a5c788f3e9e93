import { spawn, type ChildProcess } from "node:child_process";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { outboundMessages, type OutboundMessage } from "../db/schema";
import { getQueue, QUEUES } from "../jobs/queue";
import { startWorker } from "../jobs/worker";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { startTestSmtpServer, type SmtpFault, type TestSmtpServer } from "../test/smtp-server";
import { queueStepMessage } from "./outbox";
import { SMTP_POOL_MAX_CONNECTIONS } from "./transports/smtp";
import { configureTestSmtpAccount, createInterviewWithApprovedThankYou, waitFor } from "@/lib/test/mail-fixtures";

setupTestDatabase();

const QUEUE = { expireInSeconds: 4, maintenanceIntervalSeconds: 1, retryLimit: 6, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
beforeEach(async () => {
  // the jobs this file queues carry these expiry and retry settings
  await getQueue({ role: "worker", settings: QUEUE });
});
afterAll(async () => {
  await smtp?.close();
});

async function queueMessages(count: number, label: string): Promise<string[]> {
  const user = await createTestUser({ displayName: "Ada Lovelace" });
  await configureTestSmtpAccount(user.id, smtp.port);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { stepId } = await createInterviewWithApprovedThankYou({
      userId: user.id,
      company: `${label} ${index}`,
      email: `person${index}@${label.toLowerCase()}.example`,
    });
    ids.push((await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() })).id);
  }
  return ids;
}

const readAll = (ids: string[]) => getDb().select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
const allSettled = (rows: OutboundMessage[]) => rows.every((row) => !["scheduled", "sending"].includes(row.status));

/** docs/user-guide.md "Sending: what can go wrong": never twice, never silently lost. */
function assertNeverTwiceNeverLost(rows: OutboundMessage[]) {
  const deliveries = new Map<string, number>();
  for (const mail of [...smtp.received, ...smtp.receivedUnacknowledged]) {
    if (mail.messageId) deliveries.set(mail.messageId, (deliveries.get(mail.messageId) ?? 0) + 1);
  }
  for (const row of rows) {
    const accepted = smtp.received.filter((mail) => mail.messageId === row.messageId).length;
    expect(deliveries.get(row.messageId) ?? 0, `${row.messageId} reached the server more than once`).toBeLessThanOrEqual(1);
    if (row.status === "sent") expect(accepted, `${row.id} is sent but was not received`).toBe(1);
    else {
      expect(["failed", "unknown"]).toContain(row.status);
      expect(row.lastError, `${row.id} is ${row.status} without a reason for the user`).toBeTruthy();
      if (row.status === "failed") expect(accepted).toBe(0);
    }
  }
}

function workerProcess(): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/worker.ts"], {
    env: { ...process.env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/**
 * A worker of its own process with this file's queue settings, so its jobs expire as the tests expect.
 * `ready` settles once it polls: on a loaded machine starting a process takes seconds, and a test
 * that queues before then finds the work already done by the workers that were up.
 */
function testWorkerProcess(): { child: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "lib/test/worker-process.ts"], {
    env: { ...process.env, AFTERVIEW_TEST_QUEUE_SETTINGS: JSON.stringify(QUEUE) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("ready\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`The worker process exited (${code}) before it was ready`)));
  });
  // awaited by the test; this handler only keeps a rejection after a failed setup from going unhandled
  ready.catch(() => undefined);
  return { child, ready };
}

describe("outbox under faults", () => {
  it("never sends twice and loses nothing over 100 messages with dropped connections, 421s and 550s, two worker processes", async () => {
    const faults: (SmtpFault | null)[] = [];
    for (let index = 0; index < 100; index++) {
      const pattern: (SmtpFault | null)[] = [
        { kind: "drop-before-data" },
        null,
        { kind: "reply", at: "mail", code: 421, message: "4.3.2 Busy" },
        null,
        { kind: "drop-after-data" },
        { kind: "reply", at: "data", code: 451, message: "4.3.0 Local error" },
        null,
        null,
        { kind: "reply", at: "data", code: 550, message: "5.7.1 Rejected" },
        null,
      ];
      faults.push(pattern[index % pattern.length]!);
    }
    smtp.faults.push(...faults);
    const ids = await queueMessages(100, "Faulty");
    const other = workerProcess();
    const worker = await startWorker({ settings: QUEUE, pollers: 2, batchSize: 10 });
    try {
      const rows = await waitFor(() => readAll(ids), allSettled, 120_000);
      assertNeverTwiceNeverLost(rows);
      const count = (status: string) => rows.filter((row) => row.status === status).length;
      expect(count("failed")).toBe(10);
      expect(count("unknown")).toBe(10);
      expect(count("sent")).toBe(80);
    } finally {
      other.kill("SIGTERM");
      await worker.stop();
    }
  }, 180_000);

  it("turns only the sends on the wire of a worker killed mid-batch into unknown (at most the pool's connections), sends the rest once", async () => {
    smtp.faults.length = 0;
    smtp.faults.push(...Array.from({ length: 30 }, (): SmtpFault => ({ kind: "slow-data", ms: 1_500 })));
    const ids = await queueMessages(30, "Killed");
    const doomed = workerProcess();
    // the pool is full: every connection is in a slow DATA
    await waitFor(() => readAll(ids), (rows) => rows.filter((row) => row.status === "sending").length >= SMTP_POOL_MAX_CONNECTIONS, 60_000);
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    const atKill = await readAll(ids);
    const count = (rows: OutboundMessage[], status: string) => rows.filter((row) => row.status === status).length;
    expect(count(atKill, "sending")).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
    expect(count(atKill, "scheduled")).toBe(ids.length - count(atKill, "sending") - count(atKill, "sent"));

    const worker = await startWorker({ settings: QUEUE });
    try {
      const rows = await waitFor(() => readAll(ids), allSettled, 120_000);
      assertNeverTwiceNeverLost(rows);
      expect(count(rows, "unknown")).toBeGreaterThan(0);
      expect(count(rows, "unknown")).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
      expect(rows.filter((row) => row.status === "unknown").every((row) => /worker stopped/.test(row.lastError ?? ""))).toBe(true);
      expect(count(rows, "sent")).toBe(ids.length - count(rows, "unknown"));
    } finally {
      await worker.stop();
    }
  }, 180_000);

  it("scales out: three workers on one PostgreSQL, one killed mid-batch, send 60 messages of 3 accounts with none sent twice and none lost", async () => {
    smtp.faults.length = 0;
    const USERS = 3;
    const PER_USER = 20;
    // long enough that a batch is visibly on the wire between two reads of a busy machine
    smtp.faults.push(...Array.from({ length: USERS * PER_USER }, (): SmtpFault => ({ kind: "slow-data", ms: 1_000 })));
    const { child: doomed, ready: doomedReady } = testWorkerProcess();
    const { child: survivor, ready: survivorReady } = testWorkerProcess();
    const worker = await startWorker({ settings: QUEUE });
    try {
      await Promise.all([doomedReady, survivorReady]);
      // this process queues as a web instance would, while the workers already poll
      const ids = (await Promise.all(Array.from({ length: USERS }, (_, user) => queueMessages(PER_USER, `Scale${user}`)))).flat();
      await waitFor(() => readAll(ids), (rows) => rows.filter((row) => row.status === "sending").length >= SMTP_POOL_MAX_CONNECTIONS, 60_000);
      doomed.kill("SIGKILL");
      const rows = await waitFor(() => readAll(ids), allSettled, 150_000);
      assertNeverTwiceNeverLost(rows);
      const count = (status: string) => rows.filter((row) => row.status === status).length;
      // only what the killed worker had on the wire: at most its pools' connections
      expect(count("unknown")).toBeLessThanOrEqual(USERS * SMTP_POOL_MAX_CONNECTIONS);
      expect(count("sent") + count("unknown")).toBe(ids.length);
    } finally {
      doomed.kill("SIGKILL");
      survivor.kill("SIGTERM");
      await worker.stop();
    }
  }, 240_000);

  it("gives a message every send attempt (retryLimit + 1) even when a worker fetched its job and died before claiming it", async () => {
    const settings = { expireInSeconds: 2, maintenanceIntervalSeconds: 1, retryLimit: 3, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };
    const boss = await getQueue({ role: "worker", settings });
    smtp.faults.length = 0;
    smtp.faults.push(...Array.from({ length: settings.retryLimit + 1 }, (): SmtpFault => ({ kind: "reply", at: "mail", code: 421, message: "4.3.2 Busy" })));
    const [id] = await queueMessages(1, "Fetched");
    // a worker takes the job (with any left by the tests above) and dies before it claims the message: the job expires
    const fetched = await boss.fetch(QUEUES.outboxSend, { batchSize: 1_000 });
    expect(fetched.map((job) => (job.data as { messageId: string }).messageId)).toContain(id);
    const worker = await startWorker({ settings });
    try {
      const [row] = await waitFor(() => readAll([id!]), allSettled, 60_000);
      expect(row!.status).toBe("failed");
      expect(row!.attempts).toBe(settings.retryLimit + 1);
      expect(row!.lastError).toContain(`Gave up after ${settings.retryLimit + 1} attempts`);
      expect(smtp.faults).toHaveLength(0);
    } finally {
      await worker.stop();
    }
  }, 120_000);
});

import { spawn, type ChildProcess } from "node:child_process";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { outboundMessages, workerHeartbeats } from "../db/schema";
import { queueStepMessage } from "../mail/outbox";
import { configureTestSmtpAccount, createInterviewWithApprovedThankYou, waitFor } from "@/lib/test/mail-fixtures";
import { superviseProcess } from "../process/supervise";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { startTestSmtpServer, type SmtpFault, type TestSmtpServer } from "../test/smtp-server";
import { findLastHeartbeat } from "./heartbeat";
import { getQueue } from "./queue";
import { startWorker } from "./worker";

setupTestDatabase();

// jobs queued by this file carry these settings; expiry well above a slow send
const QUEUE = { expireInSeconds: 60, maintenanceIntervalSeconds: 1, retryLimit: 6, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };
const SLOW_SEND_MS = 5_000;

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
beforeEach(async () => {
  await getQueue({ role: "worker", settings: QUEUE });
  smtp.faults.length = 0;
});
afterAll(async () => {
  await smtp?.close();
});

function startWorkerProcess(env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/worker.ts"], {
    env: { ...process.env, SHUTDOWN_GRACE_SECONDS: "30", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** `accounts` users with `perAccount` messages each, due now, through the test server. */
async function queueMessages({ accounts, perAccount, label }: { accounts: number; perAccount: number; label: string }): Promise<string[]> {
  const ids: string[] = [];
  for (let account = 0; account < accounts; account++) {
    const user = await createTestUser({ displayName: "Ada Lovelace" });
    await configureTestSmtpAccount(user.id, smtp.port);
    for (let index = 0; index < perAccount; index++) {
      const { stepId } = await createInterviewWithApprovedThankYou({
        userId: user.id,
        company: `${label} ${account}-${index}`,
        email: `person${account}-${index}@${label.toLowerCase()}.example`,
      });
      ids.push((await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() })).id);
    }
  }
  return ids;
}

const readAll = (ids: string[]) => getDb().select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
const count = (rows: { status: string }[], status: string) => rows.filter((row) => row.status === status).length;
const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

describe("stopping the worker", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "lets the sends in flight finish on %s: 10 slow sends end 10 sent, none unknown",
    async (signal) => {
      smtp.faults.push(...Array.from({ length: 10 }, (): SmtpFault => ({ kind: "slow-data", ms: SLOW_SEND_MS })));
      // one message per account: every one of them is on the wire when the signal comes
      const ids = await queueMessages({ accounts: 10, perAccount: 1, label: signal });
      const worker = startWorkerProcess();
      const exited = exitOf(worker);
      await waitFor(() => readAll(ids), (rows) => count(rows, "sending") === 10, 60_000);
      const signalledAt = Date.now();
      worker.kill(signal);
      expect(await exited).toEqual({ code: 0, signal: null });
      const stopSeconds = (Date.now() - signalledAt) / 1000;
      const rows = await readAll(ids);
      expect({ sent: count(rows, "sent"), unknown: count(rows, "unknown") }).toEqual({ sent: 10, unknown: 0 });
      expect(stopSeconds).toBeLessThan(30);
    },
    120_000,
  );

  it("hands back the messages not yet begun, untouched, and they go after the next start", async () => {
    smtp.faults.push(...Array.from({ length: 10 }, (): SmtpFault => ({ kind: "slow-data", ms: SLOW_SEND_MS })));
    // one account: its pool has 5 connections, so 5 messages wait for one when the signal comes
    const ids = await queueMessages({ accounts: 1, perAccount: 10, label: "Handed" });
    const worker = startWorkerProcess();
    const exited = exitOf(worker);
    await waitFor(() => readAll(ids), (rows) => count(rows, "sending") === 5, 60_000);
    worker.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    const atStop = await readAll(ids);
    expect({ sent: count(atStop, "sent"), scheduled: count(atStop, "scheduled"), unknown: count(atStop, "unknown") }).toEqual({
      sent: 5,
      scheduled: 5,
      unknown: 0,
    });
    const next = await startWorker({ settings: QUEUE });
    try {
      const rows = await waitFor(() => readAll(ids), (all) => count(all, "sent") === 10, 60_000);
      expect(count(rows, "sent")).toBe(10);
      expect(smtp.received.filter((mail) => rows.some((row) => row.messageId === mail.messageId))).toHaveLength(10);
    } finally {
      await next.stop();
    }
  }, 120_000);
});

describe("a crashed worker", () => {
  it("is restarted after kill -9, and the queue drains afterwards", async () => {
    await getDb().delete(workerHeartbeats);
    const lines: string[] = [];
    const supervisor = superviseProcess({ name: "the mail worker", start: () => startWorkerProcess(), log: (line) => lines.push(line) });
    try {
      await waitFor(findLastHeartbeat, (seen) => seen !== null, 60_000);
      const killedAt = new Date();
      supervisor.current()!.kill("SIGKILL");
      // the restarted worker's first beat
      await waitFor(findLastHeartbeat, (seen) => seen !== null && seen > killedAt, 60_000);
      expect(supervisor.starts()).toBe(2);
      expect(lines).toEqual([expect.stringMatching(/^the mail worker stopped \(killed by SIGKILL\); restarting it in 1 s\.$/)]);

      const ids = await queueMessages({ accounts: 1, perAccount: 3, label: "Restarted" });
      const rows = await waitFor(() => readAll(ids), (all) => count(all, "sent") === 3, 60_000);
      expect(count(rows, "sent")).toBe(3);
    } finally {
      await supervisor.stop(30_000);
    }
  }, 120_000);
});

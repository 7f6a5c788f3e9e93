import { spawn, type ChildProcess } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { enqueueMany, getQueue, QUEUES } from "../jobs/queue";
import { setupTestDatabase } from "../test/database";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp-server";
import { getDigestDay } from "./schedule";
import { addPendingStep, createDigestUser, mailsTo, readDigestRuns, waitForDigestJobs } from "@/lib/test/digest-fixtures";

setupTestDatabase();

const QUEUE = { expireInSeconds: 30, maintenanceIntervalSeconds: 1, retryLimit: 3, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };
const WORKERS = 3;

let smtp: TestSmtpServer;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  await getQueue({ role: "worker", settings: QUEUE });
});

afterAll(async () => {
  for (const worker of workers) worker.kill("SIGTERM");
  await Promise.all(workers.map((worker) => new Promise((resolve) => (worker.exitCode !== null ? resolve(null) : worker.once("exit", resolve)))));
  await smtp?.close();
});

// The same startWorker as `npm run worker`, each in its own process, on the real clock.
function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "lib/test/worker-process.ts"], {
    env: { ...process.env, SMTP_URL: smtp.url, AFTERVIEW_TEST_QUEUE_SETTINGS: JSON.stringify(QUEUE), LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  workers.push(child);
  return child;
}

async function waitForScans(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from pgboss.job where name = 'digest-scan' and state < 'completed'`);
    if (row!.count === 0) return;
    if (Date.now() > deadline) throw new Error("the scans did not run");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("morning digest with several worker processes", () => {
  it("sends one mail when three workers scan and take the same user's digest at once", { timeout: 120_000 }, async () => {
    const now = new Date();
    const user = await createDigestUser({ timeZone: "UTC", hour: now.getUTCHours() });
    await addPendingStep({ userId: user.id, dueAt: new Date(now.getTime() - 3_600_000) });
    const { localDate } = getDigestDay(now, "UTC")!;
    // queued before the workers start, so their first polls meet them together: scans, and the digest's
    // own job several times over without its key (what overlapping scans would queue without it)
    const boss = await getQueue();
    for (let scan = 0; scan < WORKERS; scan++) await boss.send(QUEUES.digestScan, {});
    await enqueueMany(QUEUES.digestSend, Array.from({ length: 12 }, () => ({ data: { userId: user.id, localDate } })));
    for (let index = 0; index < WORKERS; index++) startWorkerProcess();
    await waitForDigestJobs(90_000);
    await waitForScans();
    await waitForDigestJobs();
    expect(mailsTo(smtp, user.email!)).toHaveLength(1);
    expect(await readDigestRuns(user.id)).toMatchObject([{ localDate, kind: "due" }]);
  });
});

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { outboundMessages } from "@/lib/db/schema";
import { findLastHeartbeat } from "@/lib/jobs/heartbeat";
import { stopQueue } from "@/lib/jobs/queue";
import { queueStepMessage } from "@/lib/mail/outbox";
import { configureTestSmtpAccount, createInterviewWithApprovedThankYou, waitFor } from "@/lib/test/mail-fixtures";
import { createTestUser } from "@/lib/test/factories";
import { startTestSmtpServer, type SmtpFault, type TestSmtpServer } from "@/lib/test/smtp-server";
import { isProcessRunning } from "../lib/process/is-running";

// The process tree `npm start` runs: scripts/serve.ts, the embedded PostgreSQL
// and the supervised mail worker, in a data directory of its own. The web
// server is left out (AFTERVIEW_WEB=off): it would need a production build.

const dataDir = mkdtempSync(path.join(tmpdir(), "afterview-serve-"));
const runtimeFile = path.join(dataDir, "runtime.json");
const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
const SLOW_SEND_MS = 5_000;

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await stopQueue();
  await closeDb();
  await smtp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function serveEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, AFTERVIEW_DATA_DIR: dataDir, AFTERVIEW_WEB: "off", SHUTDOWN_GRACE_SECONDS: "30" };
  delete env.DATABASE_URL;
  return env;
}

const started: ChildProcess[] = [];

/** In a process group of its own, as a terminal would start it. */
function startServe(): ChildProcess {
  const serve = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env: serveEnvironment(), detached: true, stdio: ["ignore", "ignore", "inherit"] });
  started.push(serve);
  return serve;
}

// a failed test must not leave its tree running
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exitOf(child);
    }
  }
});

const exitOf = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

async function poll(check: () => boolean, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits for the started tree, points this process's data layer at its database, and returns the postmaster's pid. */
async function connectToStarted(): Promise<number> {
  const startedAt = new Date();
  await poll(() => existsSync(runtimeFile));
  await stopQueue();
  await closeDb();
  process.env.DATABASE_URL = (JSON.parse(readFileSync(runtimeFile, "utf8")) as { databaseUrl: string }).databaseUrl;
  // this start's worker, not the previous one's last beat
  await waitFor(findLastHeartbeat, (seen) => seen !== null && seen >= startedAt, 90_000);
  return Number(readFileSync(pidFile, "utf8").split("\n")[0]);
}

async function disconnect(): Promise<void> {
  await stopQueue();
  await closeDb();
}

async function queueSlowMessages(count: number): Promise<string[]> {
  smtp.faults.push(...Array.from({ length: count }, (): SmtpFault => ({ kind: "slow-data", ms: SLOW_SEND_MS })));
  // all due at the same moment, once every one is queued
  const sendAt = new Date(Date.now() + 15_000);
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    // an account each, so that every message is on the wire at once
    const user = await createTestUser({ displayName: "Ada Lovelace" });
    await configureTestSmtpAccount(user.id, smtp.port);
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: `Serve ${index}`, email: `person${index}@serve.example` });
    ids.push((await queueStepMessage({ userId: user.id, stepId, when: { at: sendAt }, now: new Date() })).id);
  }
  return ids;
}

const readAll = (ids: string[]) => getDb().select().from(outboundMessages).where(inArray(outboundMessages.id, ids));
const count = (rows: { status: string }[], status: string) => rows.filter((row) => row.status === status).length;

describe("npm start's process tree", () => {
  let queued: string[] = [];

  it("stops in order on Ctrl-C during 10 slow sends: the sends finish, then PostgreSQL stops, and runtime.json is removed", async () => {
    const serve = startServe();
    const exited = exitOf(serve);
    const postgresPid = await connectToStarted();
    queued = await queueSlowMessages(10);
    await waitFor(() => readAll(queued), (rows) => count(rows, "sending") === 10, 60_000);
    await disconnect();
    // what a terminal does on Ctrl-C: SIGINT to every process of the foreground group
    process.kill(-serve.pid!, "SIGINT");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(isProcessRunning(postgresPid)).toBe(false);
    expect(existsSync(runtimeFile)).toBe(false);
  }, 180_000);

  it("starts again after that stop, where the 10 messages are sent and none unknown; SIGTERM stops it the same way", async () => {
    const serve = startServe();
    const exited = exitOf(serve);
    const postgresPid = await connectToStarted();
    const rows = await readAll(queued);
    expect({ sent: count(rows, "sent"), unknown: count(rows, "unknown") }).toEqual({ sent: 10, unknown: 0 });
    expect(smtp.received.filter((mail) => rows.some((row) => row.messageId === mail.messageId))).toHaveLength(10);
    await disconnect();
    // what Docker and systemd do: SIGTERM to the main process only
    serve.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(isProcessRunning(postgresPid)).toBe(false);
    expect(existsSync(runtimeFile)).toBe(false);
  }, 180_000);

  it("stops within a few seconds when the database is already gone, and still removes runtime.json", async () => {
    const serve = startServe();
    const exited = exitOf(serve);
    const postgresPid = await connectToStarted();
    await disconnect();
    process.kill(postgresPid, "SIGKILL");
    await poll(() => !isProcessRunning(postgresPid));
    const signalledAt = Date.now();
    serve.kill("SIGTERM");
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    expect(existsSync(runtimeFile)).toBe(false);
  }, 180_000);

  it("under `npm start`, a SIGTERM to npm stops the app and PostgreSQL (no orphan), and the next start works", async () => {
    // the previous test killed PostgreSQL: its pid file is stale, which a start must get past
    const npm = spawn("npm", ["start", "--silent"], { env: serveEnvironment(), stdio: ["ignore", "ignore", "inherit"] });
    started.push(npm);
    const exited = exitOf(npm);
    const postgresPid = await connectToStarted();
    await disconnect();
    const appPid = Number(execFileSync("ps", ["-o", "pid=", "--ppid", String(npm.pid)]).toString().trim());
    npm.kill("SIGTERM");
    await exited;
    await poll(() => !isProcessRunning(appPid) && !isProcessRunning(postgresPid), 60_000);
    expect(existsSync(runtimeFile)).toBe(false);

    const again = startServe();
    const againExited = exitOf(again);
    const againPostgres = await connectToStarted();
    await disconnect();
    again.kill("SIGTERM");
    expect(await againExited).toEqual({ code: 0, signal: null });
    expect(isProcessRunning(againPostgres)).toBe(false);
  }, 240_000);
});

import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";
import { isProcessRunning } from "../process/is-running";

const parent = mkdtempSync(path.join(tmpdir(), "afterview-embedded-"));

afterAll(() => rmSync(parent, { recursive: true, force: true }));

async function connectsWith(url: string, password: string): Promise<boolean> {
  const withPassword = new URL(url);
  withPassword.password = password;
  const sql = postgres(withPassword.toString(), { max: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") return false;
    throw error;
  } finally {
    await sql.end();
  }
}

function newPassword(): string {
  return randomBytes(32).toString("hex");
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a restart, on a new free port", async () => {
    const dataDir = path.join(parent, "pg");
    const password = newPassword();
    const first = await startEmbeddedPostgres({ dataDir, password });
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql`create table kept (value text)`;
    await sql`insert into kept values ('still here')`;
    await sql.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir, password });
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    const rows = await again`select value from kept`;
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "still here" }]);
    if (userInfo().uid === 0) {
      // PostgreSQL refuses root: as root the cluster belongs to the postgres user
      expect(statSync(dataDir).uid).not.toBe(0);
    }
  }, 60_000);

  it("accepts only the password it was made with, never the former fixed one, and leaves no password file behind", async () => {
    const dataDir = path.join(parent, "own-password");
    const password = newPassword();
    const running = await startEmbeddedPostgres({ dataDir, password, persistent: false });
    try {
      expect(await connectsWith(running.url, password)).toBe(true);
      expect(await connectsWith(running.url, "afterview")).toBe(false);
      expect(readdirSync(parent).filter((name) => name.startsWith(".initdb-"))).toEqual([]);
    } finally {
      await running.stop();
    }
  }, 60_000);

  it("moves a cluster made with the former fixed password to its own, which then is the only one accepted", async () => {
    const dataDir = path.join(parent, "legacy");
    const legacy = await startEmbeddedPostgres({ dataDir, password: "afterview" });
    await legacy.stop();

    const password = newPassword();
    const upgraded = await startEmbeddedPostgres({ dataDir, password });
    try {
      expect(await connectsWith(upgraded.url, password)).toBe(true);
      expect(await connectsWith(upgraded.url, "afterview")).toBe(false);
    } finally {
      await upgraded.stop();
    }

    // a password the cluster does not know stops the start, saying where it is kept
    await expect(startEmbeddedPostgres({ dataDir, password: newPassword() })).rejects.toThrow(/refuses the password.*secrets\.json/);
    const again = await startEmbeddedPostgres({ dataDir, password });
    await again.stop();
  }, 120_000);

  it("refuses to start twice on one data directory", async () => {
    const dataDir = path.join(parent, "twice");
    const password = newPassword();
    const running = await startEmbeddedPostgres({ dataDir, password });
    try {
      await expect(startEmbeddedPostgres({ dataDir, password })).rejects.toThrow(/already using/);
    } finally {
      await running.stop();
    }
  }, 60_000);

  it("stops by itself when the process that started it is killed with SIGKILL, so the next start finds no PostgreSQL in the way", async () => {
    const dataDir = path.join(parent, "orphaned");
    const password = newPassword();
    const script = `const { startEmbeddedPostgres } = await import("./lib/db/embedded.ts");
      const db = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, password: ${JSON.stringify(password)} });
      console.log(db.pid); setInterval(() => {}, 1000);`;
    const killed = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const orphanPid = await new Promise<number>((resolve) => killed.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))));
    killed.kill("SIGKILL");
    const killedAt = Date.now();
    while (isProcessRunning(orphanPid)) {
      expect(Date.now() - killedAt).toBeLessThan(15_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const running = await startEmbeddedPostgres({ dataDir, password });
    try {
      expect(await connectsWith(running.url, password)).toBe(true);
    } finally {
      await running.stop();
    }
  }, 90_000);

  it("runs PostgreSQL in a process group of its own, so a Ctrl-C to the app's group does not stop it before the app is done with it", async () => {
    const running = await startEmbeddedPostgres({ dataDir: path.join(parent, "group"), password: newPassword(), persistent: false });
    try {
      const groupOf = (pid: number) => Number(execFileSync("ps", ["-o", "pgid=", "-p", String(pid)]).toString().trim());
      expect(groupOf(running.pid)).toBe(running.pid);
      expect(groupOf(running.pid)).not.toBe(groupOf(process.pid));
    } finally {
      await running.stop();
    }
  }, 60_000);

  it("is not loaded by importing the runtime, so the worker (which imports it) keeps its own signal handling", () => {
    const counts = execFileSync(process.execPath, [
      "--import",
      "tsx",
      "--input-type=module",
      "-e",
      'const count = () => ["SIGINT", "SIGTERM", "exit"].map((event) => process.listenerCount(event)).join(","); const before = count(); await import("./scripts/runtime.ts"); console.log(before === count() ? "none added" : `${before} -> ${count()}`);',
    ]).toString().trim();
    expect(counts).toBe("none added");
  }, 30_000);

  it("adds no signal or exit handlers to the process that starts it, which would exit before its ordered shutdown", async () => {
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "exit", "beforeExit"] as const;
    const before = events.map((event) => process.listenerCount(event));
    const running = await startEmbeddedPostgres({ dataDir: path.join(parent, "hooks"), password: newPassword(), persistent: false });
    try {
      expect(events.map((event) => process.listenerCount(event))).toEqual(before);
    } finally {
      await running.stop();
    }
  }, 60_000);

  it("stops at once when PostgreSQL is already gone", async () => {
    const running = await startEmbeddedPostgres({ dataDir: path.join(parent, "gone"), password: newPassword(), persistent: false });
    process.kill(running.pid, "SIGKILL");
    while (isProcessRunning(running.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await running.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  }, 60_000);
});


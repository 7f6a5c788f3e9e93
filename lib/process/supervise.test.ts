import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { readShutdownGraceSeconds } from "./shutdown";
import { superviseProcess, type Supervisor } from "./supervise";

const IDLE_CHILD = "setInterval(() => {}, 1000)";
const STUBBORN_CHILD = "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)";

function startChild(script: string): () => ChildProcess {
  return () => spawn(process.execPath, ["-e", script], { stdio: "ignore" });
}

async function waitUntil(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stop(1_000);
  supervisor = undefined;
});

describe("superviseProcess", () => {
  it("restarts a child killed with SIGKILL, says so in the log, and doubles the delay while it keeps dying", async () => {
    const lines: string[] = [];
    supervisor = superviseProcess({ name: "the test child", start: startChild(IDLE_CHILD), log: (line) => lines.push(line), restartDelayMs: 100 });
    await waitUntil(() => supervisor!.current()?.pid !== undefined);
    const first = supervisor.current()!;
    first.kill("SIGKILL");
    await waitUntil(() => supervisor!.starts() === 2 && supervisor!.current() !== null);
    const second = supervisor.current()!;
    expect(second.pid).not.toBe(first.pid);
    second.kill("SIGKILL");
    await waitUntil(() => supervisor!.starts() === 3 && supervisor!.current() !== null);
    expect(lines).toEqual([
      "the test child stopped (killed by SIGKILL); restarting it in 0.1 s.",
      "the test child stopped (killed by SIGKILL); restarting it in 0.2 s.",
    ]);
  });

  it("stops the child with SIGTERM and does not restart it", async () => {
    supervisor = superviseProcess({ name: "the test child", start: startChild(IDLE_CHILD), log: () => {}, restartDelayMs: 10 });
    const child = supervisor.current()!;
    await supervisor.stop(5_000);
    expect(child.signalCode).toBe("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(supervisor.starts()).toBe(1);
    expect(supervisor.current()).toBeNull();
  });

  it("kills a child that ignores SIGTERM once the grace period is over", async () => {
    supervisor = superviseProcess({ name: "the test child", start: startChild(STUBBORN_CHILD), log: () => {} });
    const child = supervisor.current()!;
    // let it install its handler
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await supervisor.stop(500);
    expect(child.signalCode).toBe("SIGKILL");
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});

describe("readShutdownGraceSeconds", () => {
  it("defaults to 30 s and accepts whole seconds only", () => {
    expect(readShutdownGraceSeconds({})).toBe(30);
    expect(readShutdownGraceSeconds({ SHUTDOWN_GRACE_SECONDS: "5" })).toBe(5);
    expect(() => readShutdownGraceSeconds({ SHUTDOWN_GRACE_SECONDS: "0" })).toThrow(/whole number/);
    expect(() => readShutdownGraceSeconds({ SHUTDOWN_GRACE_SECONDS: "1.5" })).toThrow(/whole number/);
  });
});

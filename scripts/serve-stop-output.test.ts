import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// What a terminal shows after Ctrl-C on `npm start`: one line. Before, the
// worker's and the web server's pools met a PostgreSQL already shutting down
// and printed 57P01 "terminating connection" stack traces. The web server is
// left out (AFTERVIEW_WEB=off: it needs a production build); the worker, its
// pools and the embedded PostgreSQL are the real ones.

const dataDir = mkdtempSync(path.join(tmpdir(), "afterview-stop-output-"));
let serve: ChildProcess | undefined;

afterAll(async () => {
  if (serve && serve.exitCode === null && serve.signalCode === null) {
    serve.kill("SIGTERM");
    await new Promise((resolve) => serve!.once("exit", resolve));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("Ctrl-C on npm start", () => {
  it("stops the worker before PostgreSQL and ends in one line, without a database error", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, AFTERVIEW_DATA_DIR: dataDir, AFTERVIEW_WEB: "off" };
    delete env.DATABASE_URL;
    // in a process group of its own, as a terminal starts it
    serve = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let signalledAt = -1;
    const collect = (chunk: Buffer) => {
      output += chunk.toString("utf8");
    };
    serve.stdout!.on("data", collect);
    serve.stderr!.on("data", collect);
    const exited = new Promise<number | null>((resolve) => serve!.once("exit", (code) => resolve(code)));

    const deadline = Date.now() + 120_000;
    while (!output.includes("[worker] Sending queued mail")) {
      if (Date.now() > deadline) throw new Error(`the worker did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // a moment for the worker's pools to be in use (polling, heartbeat)
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    signalledAt = output.length;
    // what a terminal does on Ctrl-C: SIGINT to every process of the foreground group
    process.kill(-serve.pid!, "SIGINT");
    expect(await exited).toBe(0);

    const afterSignal = output.slice(signalledAt);
    expect(afterSignal).not.toMatch(/57P01|terminating connection|Error|at .*\(.*:\d+:\d+\)/);
    expect(afterSignal.trim().split("\n")).toEqual([expect.stringMatching(/^\[afterview\] Stopped \(SIGINT\) in \d+\.\d s\.$/)]);
  }, 180_000);
});

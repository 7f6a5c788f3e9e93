// `npm run worker`: sends queued mail and runs the periodic jobs. `npm start`
// runs one next to the web server; in production run it as its own process,
// as many instances as you like (they share the queue in PostgreSQL).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readShutdownGraceSeconds } from "../lib/process/shutdown";
import { DATA_DIR, ensureLocalSecrets, loadDotEnv } from "./runtime";

/** A stop that takes longer than this says what it is waiting for. */
const STOP_NOTICE_DELAY_MS = 2_000;

function log(line: string): void {
  console.log(`[worker] ${line}`);
}

async function main(): Promise<void> {
  // a signal while starting is kept and acted on once the worker runs
  let stop = (signal: string) => {
    requested ??= signal;
  };
  let requested: string | undefined;
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  loadDotEnv();
  ensureLocalSecrets();
  if (!process.env.DATABASE_URL) {
    // the embedded database of a running `npm start`
    const runtimeFile = path.join(DATA_DIR, "runtime.json");
    if (!existsSync(runtimeFile)) throw new Error("Set DATABASE_URL, or start the app with `npm start` first (it starts the embedded database).");
    process.env.DATABASE_URL = (JSON.parse(readFileSync(runtimeFile, "utf8")) as { databaseUrl: string }).databaseUrl;
  }
  const graceSeconds = readShutdownGraceSeconds();
  const { startWorker } = await import("@/lib/jobs/worker");
  const { closeDb } = await import("@/lib/db/client");
  const worker = await startWorker();
  log(`Sending queued mail and running scheduled jobs (worker ${worker.workerId}).`);

  // In order: no new jobs, the sends in flight finish (up to the grace period),
  // the pools close; only then the process ends. Under `npm start` a Ctrl-C
  // reaches this process and scripts/serve.ts's SIGTERM follows: one stop.
  let stopping = false;
  stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    // Quiet when quick: under `npm start` the supervisor prints the one line a
    // Ctrl-C ends with. A stop that waits on sends in flight says so.
    let isSlow = false;
    const notice = setTimeout(() => {
      isSlow = true;
      log(`${signal}: taking no more jobs; waiting up to ${graceSeconds} s for the messages in flight...`);
    }, STOP_NOTICE_DELAY_MS);
    await worker.stop({ graceSeconds });
    await closeDb().catch(() => {});
    clearTimeout(notice);
    if (isSlow) log(`Stopped in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    process.exit(0);
  };
  if (requested) void stop(requested);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Starts Afterview: embedded PostgreSQL when DATABASE_URL is unset, migrations,
// a production build when the sources changed, then the web server
// (scripts/web-server.ts: Next.js, in dev mode with --dev) and the mail worker,
// which is restarted when it dies. SIGINT, SIGTERM and SIGHUP stop everything
// in order: the web server and the worker finish what they are doing (up to
// SHUTDOWN_GRACE_SECONDS), then PostgreSQL stops, then this process exits.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findDevOutboxExposure } from "../lib/config/dev-outbox";
import { readShutdownGraceSeconds } from "../lib/process/shutdown";
import { hasExited, stopChild, superviseProcess, type Supervisor } from "../lib/process/supervise";
import { DATA_DIR, ensureLocalSecrets, isBuildStale, loadDotEnv, NEXT_BIN, prepareDatabase, type Database } from "./runtime";

/** A child gets this long past the grace period before it is killed: its own stop is bounded by the grace. */
const CHILD_STOP_MARGIN_MS = 10_000;
/** A stop that takes longer than this says what it is waiting for; a quick one prints only its last line. */
const STOP_NOTICE_DELAY_MS = 2_000;

function log(line: string): void {
  console.log(`[afterview] ${line}`);
}

type Running = {
  database?: Database;
  runtimeFile?: string;
  web?: ChildProcess;
  worker?: Supervisor;
  isDatabaseStopped: boolean;
};

const running: Running = { isDatabaseStopped: false };

// Whatever ends this process (a crash included), runtime.json must not outlive
// it, and an embedded PostgreSQL still up is told to stop: in its own process
// group, nothing else would stop it, and its pid file would block the next start.
process.on("exit", () => {
  if (running.runtimeFile) rmSync(running.runtimeFile, { force: true });
  const embedded = running.database?.embedded;
  if (embedded && !running.isDatabaseStopped) {
    try {
      process.kill(embedded.pid, "SIGINT");
    } catch {
      // already gone
    }
  }
});

let stopping: Promise<void> | null = null;
let stopRequested: { code: number; reason: string } | null = null;
let isStarted = false;

function stop(code: number, reason: string): Promise<void> {
  if (!isStarted) {
    // mid-start: acted on once what is starting can be stopped
    stopRequested ??= { code, reason };
    return Promise.resolve();
  }
  stopping ??= (async () => {
    const started = Date.now();
    const graceMs = readShutdownGraceSeconds() * 1000;
    // Ctrl-C ends in one line; only a stop that waits on sends in flight says so while it waits
    const notice = setTimeout(() => log(`${reason}: stopping (the mail worker finishes its sends in flight, up to ${graceMs / 1000} s)...`), STOP_NOTICE_DELAY_MS);
    await Promise.all([
      running.web ? stopChild(running.web, graceMs + CHILD_STOP_MARGIN_MS) : undefined,
      running.worker?.stop(graceMs + CHILD_STOP_MARGIN_MS),
    ]);
    if (running.database?.embedded) {
      await running.database.embedded.stop();
      running.isDatabaseStopped = true;
    }
    if (running.runtimeFile) rmSync(running.runtimeFile, { force: true });
    clearTimeout(notice);
    log(`Stopped (${reason}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void stop(0, signal));
}
process.on("uncaughtException", (error) => {
  console.error("[afterview] unexpected error:", error instanceof Error ? error.message : error);
  void stop(1, "unexpected error");
});

function startWeb(isDev: boolean, port: number, host: string): ChildProcess {
  // Next.js behind our own HTTP server, which settles the client's address (scripts/web-server.ts)
  const webArgs = ["--import", "tsx", "scripts/web-server.ts", ...(isDev ? ["--dev"] : [])];
  const web = spawn(process.execPath, webArgs, {
    stdio: ["inherit", "pipe", "inherit"],
    // NEXT_TELEMETRY_DISABLED: next dev reports telemetry too (see the build below)
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, PORT: String(port), HOST: host, NODE_ENV: isDev ? "development" : "production" },
  });
  web.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|ready started|✓ Ready/i.test(text)) {
      log(`Afterview is running at ${process.env.APP_URL}`);
      if (!process.env.SMTP_URL) {
        log(`No SMTP_URL: sign-in links go to the dev outbox at ${process.env.APP_URL}/dev/outbox`);
      }
    }
  });
  web.on("exit", (code, signal) => {
    if (stopping) return;
    log(`The web server stopped (${signal ?? `exit code ${code}`}).`);
    void stop(code ?? 1, "web server gone");
  });
  return web;
}

function startWorkerProcess(databaseUrl: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/worker.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

async function main(): Promise<void> {
  const isDev = process.argv.includes("--dev");
  loadDotEnv();
  ensureLocalSecrets();
  readShutdownGraceSeconds();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";
  // AFTERVIEW_WEB=off: migrations and a supervised mail worker only (a worker host)
  const hasWeb = process.env.AFTERVIEW_WEB !== "off";
  const hasWorker = process.env.AFTERVIEW_WORKER !== "off";

  // Others must not reach a production server whose sign-in links go to the dev outbox.
  const devOutboxExposure = hasWeb ? findDevOutboxExposure({ isProduction: !isDev, env: { ...process.env, HOST: host } }) : null;
  if (devOutboxExposure) throw new Error(devOutboxExposure);

  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.AUTH_URL ??= process.env.APP_URL;

  if (hasWeb && !isDev && isBuildStale()) {
    log("Building the production bundle (first start, or sources changed)...");
    // Next.js reports build telemetry to its own servers unless told not to: the app contacts nothing it was not configured to
    const build = spawnSync(NEXT_BIN, ["build"], { stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const database = await prepareDatabase(log);
  running.database = database;
  log(database.embedded ? "Embedded PostgreSQL is up; migrations applied." : "Migrations applied.");

  // Where this instance's database is, for `npm run` tools and the e2e fixtures.
  running.runtimeFile = path.join(DATA_DIR, "runtime.json");
  writeFileSync(running.runtimeFile, JSON.stringify({ databaseUrl: database.url, appUrl: process.env.APP_URL }), { mode: 0o600 });

  if (hasWeb) running.web = startWeb(isDev, port, host);
  // The mail worker runs next to the server unless it runs elsewhere (AFTERVIEW_WORKER=off).
  if (hasWorker) {
    running.worker = superviseProcess({ name: "The mail worker", start: () => startWorkerProcess(database.url), log });
  }
  isStarted = true;
  if (stopRequested) await stop(stopRequested.code, stopRequested.reason);
}

main().catch(async (error: unknown) => {
  console.error("[afterview] could not start:", error instanceof Error ? error.message : error);
  isStarted = true;
  if (running.web && !hasExited(running.web)) running.web.kill("SIGTERM");
  await stop(1, "start failed");
});

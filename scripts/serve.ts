// Starts Afterview: embedded PostgreSQL when DATABASE_URL is unset, migrations,
// a production build when the sources changed, then the web server
// (scripts/web-server.ts: Next.js, in dev mode with --dev) and the mail worker.
// Stops everything cleanly on Ctrl-C / SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findDevOutboxExposure } from "../lib/config/dev-outbox";
import { DATA_DIR, ensureLocalSecrets, isBuildStale, loadDotEnv, NEXT_BIN, prepareDatabase } from "./runtime";

function log(line: string): void {
  console.log(`[afterview] ${line}`);
}

async function main(): Promise<void> {
  const isDev = process.argv.includes("--dev");
  loadDotEnv();
  ensureLocalSecrets();
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? "127.0.0.1";

  // Others must not reach a production server whose sign-in links go to the dev outbox.
  const devOutboxExposure = findDevOutboxExposure({ isProduction: !isDev, env: { ...process.env, HOST: host } });
  if (devOutboxExposure) throw new Error(devOutboxExposure);

  process.env.APP_URL ??= `http://localhost:${port}`;
  process.env.AUTH_URL ??= process.env.APP_URL;

  if (!isDev && isBuildStale()) {
    log("Building the production bundle (first start, or sources changed)...");
    const build = spawnSync(NEXT_BIN, ["build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const database = await prepareDatabase(log);
  log(database.embedded ? "Embedded PostgreSQL is up; migrations applied." : "Migrations applied.");

  // Where this instance's database is, for `npm run` tools and the e2e fixtures.
  const runtimeFile = path.join(DATA_DIR, "runtime.json");
  writeFileSync(runtimeFile, JSON.stringify({ databaseUrl: database.url, appUrl: process.env.APP_URL }), { mode: 0o600 });

  // Next.js behind our own HTTP server, which settles the client's address (scripts/web-server.ts)
  const webArgs = ["--import", "tsx", "scripts/web-server.ts", ...(isDev ? ["--dev"] : [])];
  const next: ChildProcess = spawn(process.execPath, webArgs, {
    stdio: ["inherit", "pipe", "inherit"],
    env: { ...process.env, PORT: String(port), HOST: host, NODE_ENV: isDev ? "development" : "production" },
  });
  next.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|ready started|✓ Ready/i.test(text)) {
      log(`Afterview is running at ${process.env.APP_URL}`);
      if (!process.env.SMTP_URL) {
        log(`No SMTP_URL: sign-in links go to the dev outbox at ${process.env.APP_URL}/dev/outbox`);
      }
    }
  });

  // The mail worker runs next to the server unless it runs elsewhere (AFTERVIEW_WORKER=off).
  const worker: ChildProcess | null =
    process.env.AFTERVIEW_WORKER === "off"
      ? null
      : spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/allow-server-only.mjs", "scripts/worker.ts"], {
          stdio: "inherit",
          env: { ...process.env, DATABASE_URL: database.url },
        });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of [next, worker]) {
      if (child && child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
    }
    await database.embedded?.stop();
    rmSync(runtimeFile, { force: true });
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  next.on("exit", (code) => void stop(code ?? 0));
  worker?.on("exit", (code) => {
    if (!stopping) console.error(`[afterview] the mail worker stopped (exit code ${code}); queued mail waits until it runs again.`);
  });
}

main().catch((error: unknown) => {
  console.error("[afterview] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

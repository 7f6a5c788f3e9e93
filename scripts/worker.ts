// `npm run worker`: sends queued mail and runs the periodic jobs. `npm start`
// runs one next to the web server; in production run it as its own process,
// as many instances as you like (they share the queue in PostgreSQL).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DATA_DIR, ensureLocalSecrets, loadDotEnv } from "./runtime";

function log(line: string): void {
  console.log(`[worker] ${line}`);
}

async function main(): Promise<void> {
  loadDotEnv();
  ensureLocalSecrets();
  if (!process.env.DATABASE_URL) {
    // the embedded database of a running `npm start`
    const runtimeFile = path.join(DATA_DIR, "runtime.json");
    if (!existsSync(runtimeFile)) throw new Error("Set DATABASE_URL, or start the app with `npm start` first (it starts the embedded database).");
    process.env.DATABASE_URL = (JSON.parse(readFileSync(runtimeFile, "utf8")) as { databaseUrl: string }).databaseUrl;
  }
  const { startWorker } = await import("@/lib/jobs/worker");
  const worker = await startWorker();
  log("Sending queued mail and running scheduled jobs.");

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    log("Stopping after the messages in flight...");
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

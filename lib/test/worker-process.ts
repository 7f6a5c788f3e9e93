// A mail worker in a process of its own, for tests that kill workers: the same
// startWorker as `npm run worker`, with the test's queue settings (expiry,
// retries, polling) from AFTERVIEW_TEST_QUEUE_SETTINGS so its jobs expire when
// the test expects. Spawned with `node --import tsx --import ./scripts/allow-server-only.mjs`.
import { startWorker } from "../jobs/worker";
import type { QueueSettings } from "../jobs/queue";

async function main(): Promise<void> {
  const settings = JSON.parse(process.env.AFTERVIEW_TEST_QUEUE_SETTINGS ?? "null") as QueueSettings | null;
  if (!settings) throw new Error("Set AFTERVIEW_TEST_QUEUE_SETTINGS to the test's queue settings (JSON)");
  const worker = await startWorker({ settings });
  // the spawning test waits for this line before it queues work
  process.stdout.write("ready\n");
  const stop = () => void worker.stop().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

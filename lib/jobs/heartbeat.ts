import "server-only";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { lt, max } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import { logWarning } from "@/lib/log";

/** How often each worker touches its row. */
export const HEARTBEAT_INTERVAL_SECONDS = 15;
/** With no beat for this long, the app says that no worker is running. */
export const WORKER_SILENT_AFTER_SECONDS = 120;
/** Rows of workers gone this long are deleted (by the beats of the others). */
const HEARTBEAT_KEPT_DAYS = 7;

/** Unique per process: the host and pid say where to look, the suffix tells restarts apart. */
export function createWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

export async function recordHeartbeat({ workerId, startedAt, now }: { workerId: string; startedAt: Date; now: Date }): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values({ workerId, startedAt, seenAt: now })
    .onConflictDoUpdate({ target: workerHeartbeats.workerId, set: { seenAt: now } });
  await db.delete(workerHeartbeats).where(lt(workerHeartbeats.seenAt, new Date(now.getTime() - HEARTBEAT_KEPT_DAYS * 86_400_000)));
}

/** When any worker last reported, or null if none ever did. */
export async function findLastHeartbeat(): Promise<Date | null> {
  const [row] = await db.select({ seenAt: max(workerHeartbeats.seenAt) }).from(workerHeartbeats);
  return row?.seenAt ?? null;
}

/**
 * Said wherever the app promises that mail will go (Send now, the outbox, the
 * draft): with no worker running, "in a moment" is not true. Null while one is.
 */
export function describeWorkerSilence({ lastSeen, now, queued = "one" }: { lastSeen: Date | null; now: Date; queued?: "one" | "several" }): string | null {
  if (lastSeen && now.getTime() - lastSeen.getTime() < WORKER_SILENT_AFTER_SECONDS * 1000) return null;
  const since = lastSeen ? `for ${Math.floor((now.getTime() - lastSeen.getTime()) / 60_000)} minutes` : "yet";
  const rest = queued === "one" ? "the message is queued and will go when it runs" : "queued messages will go when it runs";
  return `No mail worker has been seen ${since}; ${rest}.`;
}

export async function findWorkerSilence({ now, queued }: { now: Date; queued?: "one" | "several" }): Promise<string | null> {
  return describeWorkerSilence({ lastSeen: await findLastHeartbeat(), now, queued });
}

export type Heartbeat = { workerId: string; stop: () => void };

/**
 * Beats now and every HEARTBEAT_INTERVAL_SECONDS. A failed beat is logged and
 * the next one tried; stop() does not wait for a beat in flight, so a worker
 * whose database is gone still stops at once.
 */
export function startHeartbeat({ now = () => new Date(), intervalSeconds = HEARTBEAT_INTERVAL_SECONDS }: { now?: () => Date; intervalSeconds?: number } = {}): Heartbeat {
  const workerId = createWorkerId();
  const startedAt = now();
  const beat = () => {
    recordHeartbeat({ workerId, startedAt, now: now() }).catch((error: unknown) => logWarning("worker.heartbeat_failed", error, { workerId }));
  };
  beat();
  const timer = setInterval(beat, intervalSeconds * 1000);
  timer.unref();
  return { workerId, stop: () => clearInterval(timer) };
}


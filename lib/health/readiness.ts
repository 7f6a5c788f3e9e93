import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { MIGRATIONS_FOLDER } from "@/lib/db/migrate";
import { findLastHeartbeat, WORKER_SILENT_AFTER_SECONDS } from "@/lib/jobs/heartbeat";
import { logWarning } from "@/lib/log";

/** The one word /readyz answers: what is wrong, or that nothing is. */
export type Readiness = "ready" | "database" | "migrations" | "worker";

/** A database slower than this to answer `select 1` counts as unreachable. */
const DATABASE_CHECK_TIMEOUT_MS = 2_000;

type Journal = { entries: { when: number; tag: string }[] };

let newestMigrationMillis: number | undefined;

// drizzle's migrator records each applied migration with the journal's `when`
// (folderMillis) as created_at: the newest applied one must be the journal's last.
function readNewestMigrationMillis(): number {
  if (newestMigrationMillis === undefined) {
    const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as Journal;
    newestMigrationMillis = Math.max(...journal.entries.map((entry) => entry.when));
  }
  return newestMigrationMillis;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready when the database answers, every committed migration is applied, and a
 * mail worker has reported recently (lib/jobs/heartbeat.ts). Checked in that
 * order; the first failure is the answer.
 */
export async function checkReadiness({ now }: { now: Date }): Promise<Readiness> {
  try {
    await withTimeout(db.execute(sql`select 1`), DATABASE_CHECK_TIMEOUT_MS);
  } catch (error) {
    logWarning("health.database_unreachable", error);
    return "database";
  }
  const [applied] = await db.execute<{ newest: string | null }>(sql`select max(created_at)::text as newest from drizzle.__drizzle_migrations`).catch(
    () => [{ newest: null }],
  );
  if (!applied?.newest || Number(applied.newest) < readNewestMigrationMillis()) return "migrations";
  const lastSeen = await findLastHeartbeat();
  if (!lastSeen || now.getTime() - lastSeen.getTime() >= WORKER_SILENT_AFTER_SECONDS * 1000) return "worker";
  return "ready";
}

import "server-only";
import { getTableName, lt } from "drizzle-orm";
import type { Sql } from "postgres";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { db, getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

// rate-limiter-flexible's Postgres store speaks node-postgres: `query({ text, values })`
// resolving to `{ rows, rowCount }`. This answers through the app's one postgres.js
// pool instead of opening a second client; the pool is looked up per query, so a
// new one (each test file's database, a dev reload) is picked up.
const store = {
  async query({ text, values }: { text: string; values?: unknown[] }) {
    const { $client } = getDb() as unknown as { $client: Sql };
    const rows = await $client.unsafe(text, values as never[], { prepare: true });
    return { rows, rowCount: rows.count };
  },
};

export type RateLimit = {
  // names the counter; keys of different limits never meet
  name: string;
  points: number;
  durationSeconds: number;
};

export type LimitDecision = { isAllowed: true } | { isAllowed: false; retryAfterSeconds: number };

// Counters live in PostgreSQL (the rate_limit table, created by a migration, never
// at run time), so every app instance counts against the same budget. Once a key
// is over its budget this instance also remembers it in memory until the window
// ends, so a client that keeps going costs no further writes here.
export function createRateLimiter({ name, points, durationSeconds }: RateLimit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: store,
    storeType: "client",
    tableName: getTableName(rateLimits),
    tableCreated: true,
    keyPrefix: name,
    points,
    duration: durationSeconds,
    inMemoryBlockOnConsumed: points,
  });
}

// Requests whose client address is unknown (the web server always sets one) share
// one budget: refusing too much beats an unlimited path.
const UNKNOWN_KEY = "unknown";

// One point for `key`; refused (with how long until the window frees a point) once
// the budget is spent. A database failure is thrown, not taken as a refusal.
export async function consumeRateLimit(limiter: RateLimiterPostgres, key: string | null): Promise<LimitDecision> {
  try {
    await limiter.consume(key ?? UNKNOWN_KEY);
    return { isAllowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/**
 * Counters whose window has ended. The library deletes them only from a timer
 * inside each process that holds a limiter (the web server, every 5 minutes),
 * which nothing else guarantees runs; the daily job deletes them as well.
 */
export async function deleteExpiredRateLimits({ now }: { now: Date }): Promise<number> {
  const result = await db.delete(rateLimits).where(lt(rateLimits.expire, now.getTime()));
  return result.count;
}

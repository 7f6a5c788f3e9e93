import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { rateLimits } from "../db/schema";
import { getDb, setupTestDatabase } from "../test/database";
import { consumeRateLimit, createRateLimiter } from "./postgres-limiter";

setupTestDatabase();

afterEach(() => {
  vi.useRealTimers();
});

const LIMIT = { points: 5, durationSeconds: 60 * 60 };

describe("rate limits kept in PostgreSQL", () => {
  it("two app instances count against one budget, even asked at the same moment", async () => {
    // two limiters with one name are what two app processes hold
    const first = createRateLimiter({ name: "shared", ...LIMIT });
    const second = createRateLimiter({ name: "shared", ...LIMIT });
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => consumeRateLimit(i % 2 === 0 ? first : second, "203.0.113.1")),
    );
    expect(decisions.filter((decision) => decision.isAllowed)).toHaveLength(LIMIT.points);
    expect(await consumeRateLimit(createRateLimiter({ name: "shared", ...LIMIT }), "203.0.113.1")).toMatchObject({ isAllowed: false });
  });

  it("a refusal says how long until the window frees the budget", async () => {
    const limiter = createRateLimiter({ name: "retry-after", ...LIMIT });
    for (let i = 0; i < LIMIT.points; i++) await consumeRateLimit(limiter, "a");
    const refused = await consumeRateLimit(createRateLimiter({ name: "retry-after", ...LIMIT }), "a");
    expect(refused.isAllowed).toBe(false);
    if (refused.isAllowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThan(LIMIT.durationSeconds - 60);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(LIMIT.durationSeconds);
  });

  it("keys and limits with different names never share a counter", async () => {
    const limiter = createRateLimiter({ name: "per-key", ...LIMIT });
    for (let i = 0; i < LIMIT.points; i++) await consumeRateLimit(limiter, "spent");
    expect(await consumeRateLimit(limiter, "spent")).toMatchObject({ isAllowed: false });
    expect(await consumeRateLimit(limiter, "fresh")).toEqual({ isAllowed: true });
    expect(await consumeRateLimit(createRateLimiter({ name: "other-limit", ...LIMIT }), "spent")).toEqual({ isAllowed: true });
  });

  it("a spent budget is whole again once its window has passed, in every instance", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2031-01-01T10:00:00Z"));
    const first = createRateLimiter({ name: "window", ...LIMIT });
    const second = createRateLimiter({ name: "window", ...LIMIT });
    for (let i = 0; i < LIMIT.points; i++) await consumeRateLimit(first, "b");
    expect(await consumeRateLimit(second, "b")).toMatchObject({ isAllowed: false });
    vi.setSystemTime(new Date("2031-01-01T11:00:01Z"));
    expect(await consumeRateLimit(first, "b")).toEqual({ isAllowed: true });
    expect(await consumeRateLimit(second, "b")).toEqual({ isAllowed: true });
  });

  it("counts in the migrated rate_limit table, one row per named key", async () => {
    await consumeRateLimit(createRateLimiter({ name: "stored", ...LIMIT }), "198.51.100.7");
    const rows = await getDb().select().from(rateLimits).where(sql`${rateLimits.key} = 'stored:198.51.100.7'`);
    expect(rows).toEqual([{ key: "stored:198.51.100.7", points: 1, expire: expect.any(Number) }]);
  });
});

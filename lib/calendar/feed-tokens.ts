import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db, getDb } from "@/lib/db/client";
import { calendarFeeds, users } from "@/lib/db/schema";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";

const TOKEN_BYTES = 32;
// base64url of 32 bytes is 43 characters; anything else is not a token of ours
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// Creating again rotates: the old URL stops working at once (its hash is gone).
export async function rotateFeedToken({ userId, now }: { userId: string; now: Date }): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const tokenHash = hashFeedToken(token);
  await db
    .insert(calendarFeeds)
    .values({ userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash, createdAt: now } });
  return token;
}

export async function revokeFeedToken({ userId }: { userId: string }): Promise<void> {
  await db.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
}

export async function getFeedStatus({ userId }: { userId: string }): Promise<{ createdAt: Date } | null> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, userId));
  return row ?? null;
}

// The feed's owner and zone in one lookup; null for a malformed, unknown or rotated token.
// Prepared once per connection pool: every feed request starts here.
let feedOwnerQuery: ReturnType<typeof prepareFeedOwnerQuery> | undefined;

function prepareFeedOwnerQuery() {
  return getDb()
    .select({ userId: users.id, timeZone: users.timeZone })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.tokenHash, sql.placeholder("tokenHash")))
    .prepare("find_feed_owner");
}

export async function findFeedOwner(token: string): Promise<{ userId: string; timeZone: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  feedOwnerQuery ??= prepareFeedOwnerQuery();
  const [row] = await feedOwnerQuery.execute({ tokenHash: hashFeedToken(token) });
  return row ? { userId: row.userId, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE } : null;
}

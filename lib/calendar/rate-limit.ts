import "server-only";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { consumeRateLimit, createRateLimiter, type LimitDecision } from "@/lib/rate-limit/postgres-limiter";

// Guessing a feed token is hopeless (256 bits); a client that keeps presenting bad
// ones is still told to stop. Only bad tokens are counted and only bad tokens are
// refused: the owner of a valid feed is served whoever shares their address.
export const BAD_FEED_TOKENS_PER_CLIENT = 20;
export const BAD_FEED_TOKEN_WINDOW_SECONDS = 10 * 60;

let limiter: RateLimiterPostgres | undefined;

export async function recordBadFeedToken({ clientAddress }: { clientAddress: string | null }): Promise<LimitDecision> {
  limiter ??= createRateLimiter({ name: "bad-feed-token", points: BAD_FEED_TOKENS_PER_CLIENT, durationSeconds: BAD_FEED_TOKEN_WINDOW_SECONDS });
  return consumeRateLimit(limiter, clientAddress);
}

import "server-only";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { consumeRateLimit, createRateLimiter, type LimitDecision } from "./postgres-limiter";

// A capability token (a calendar feed's, a digest's unsubscribe link) cannot be
// guessed, but a client that keeps presenting bad ones is still told to stop.
// Only bad tokens count and only bad tokens are refused: a valid token always
// works, whoever shares the client's address.
export const BAD_TOKENS_PER_CLIENT = 20;
export const BAD_TOKEN_WINDOW_SECONDS = 10 * 60;

export type BadTokenCounter = (request: { clientAddress: string | null }) => Promise<LimitDecision>;

/** One counter per kind of token (`name` keys its rows), shared by every instance through PostgreSQL. */
export function createBadTokenCounter(name: string): BadTokenCounter {
  let limiter: RateLimiterPostgres | undefined;
  return ({ clientAddress }) => {
    limiter ??= createRateLimiter({ name, points: BAD_TOKENS_PER_CLIENT, durationSeconds: BAD_TOKEN_WINDOW_SECONDS });
    return consumeRateLimit(limiter, clientAddress);
  };
}

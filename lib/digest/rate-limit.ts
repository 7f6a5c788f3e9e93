import "server-only";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { consumeRateLimit, createRateLimiter, type LimitDecision } from "@/lib/rate-limit/postgres-limiter";

// An unsubscribe token is an HMAC, so guessing is hopeless; a client that keeps
// presenting bad ones is still told to stop. Only bad tokens count: a good link
// always works, whoever shares the client's address.
export const BAD_UNSUBSCRIBE_TOKENS_PER_CLIENT = 20;
export const BAD_UNSUBSCRIBE_TOKEN_WINDOW_SECONDS = 10 * 60;

let limiter: RateLimiterPostgres | undefined;

export async function recordBadUnsubscribeToken({ clientAddress }: { clientAddress: string | null }): Promise<LimitDecision> {
  limiter ??= createRateLimiter({ name: "bad-unsubscribe-token", points: BAD_UNSUBSCRIBE_TOKENS_PER_CLIENT, durationSeconds: BAD_UNSUBSCRIBE_TOKEN_WINDOW_SECONDS });
  return consumeRateLimit(limiter, clientAddress);
}

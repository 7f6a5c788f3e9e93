import "server-only";
import { deleteExpiredSessions, deleteExpiredVerificationTokens } from "@/lib/auth/session-cleanup";
import { readEnv } from "@/lib/env";
import { deleteOldDevOutboxMessages } from "@/lib/mail/dev-outbox";
import { deleteExpiredRateLimits } from "@/lib/rate-limit/postgres-limiter";

export type DailyCleanupResult = { sessions: number; verificationTokens: number; rateLimits: number; devOutboxMessages: number };

/**
 * The tables that grow with every sign-in or request and are only read while
 * fresh: without this, each would keep every row it was ever given.
 */
export async function runDailyCleanup({ now }: { now: Date }): Promise<DailyCleanupResult> {
  return {
    sessions: await deleteExpiredSessions({ now }),
    verificationTokens: await deleteExpiredVerificationTokens({ now }),
    rateLimits: await deleteExpiredRateLimits({ now }),
    devOutboxMessages: await deleteOldDevOutboxMessages({ now, retentionDays: readEnv().DEV_OUTBOX_RETENTION_DAYS }),
  };
}

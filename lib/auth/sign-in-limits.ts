import "server-only";
import { createHash } from "node:crypto";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import type { RateLimiterPostgres } from "rate-limiter-flexible";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit, createRateLimiter } from "@/lib/rate-limit/postgres-limiter";

// Anyone can ask us to mail a sign-in link to any address: without a budget we
// would mail-bomb whoever an attacker names, and relay as much mail as asked.
export const SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR = 5;
export const SIGN_IN_LINKS_PER_CLIENT_PER_HOUR = 20;
const HOUR_SECONDS = 60 * 60;

export type SignInLimitScope = "address" | "client";

// Thrown from Auth.js's signIn callback, which wraps it as AccessDenied (cause.err):
// signIn() rethrows that to the form's action, which says how long to wait;
// Auth.js's own route redirects to /signin?error=AccessDenied.
export class SignInLinkLimitError extends Error {
  readonly scope: SignInLimitScope;
  readonly retryAfterSeconds: number;

  constructor(scope: SignInLimitScope, retryAfterSeconds: number) {
    super(`Sign-in link limit reached for this ${scope}`);
    this.name = "SignInLinkLimitError";
    this.scope = scope;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function findSignInLinkLimitError(error: unknown): SignInLinkLimitError | null {
  if (error instanceof SignInLinkLimitError) return error;
  const cause = error instanceof AuthError ? error.cause?.err : undefined;
  return cause instanceof SignInLinkLimitError ? cause : null;
}

let limiters: { perAddress: RateLimiterPostgres; perClient: RateLimiterPostgres } | undefined;

function getLimiters() {
  limiters ??= {
    perAddress: createRateLimiter({ name: "sign-in-address", points: SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR, durationSeconds: HOUR_SECONDS }),
    perClient: createRateLimiter({ name: "sign-in-client", points: SIGN_IN_LINKS_PER_CLIENT_PER_HOUR, durationSeconds: HOUR_SECONDS }),
  };
  return limiters;
}

// One mailbox, one budget: sam+1@ and sam+2@ reach sam@, so the +tag is dropped.
// Hashed, so the counters table holds no one's address.
function addressKey(address: string): string {
  const at = address.lastIndexOf("@");
  const local = address.slice(0, at).replace(/\+.*$/, "") || address.slice(0, at);
  return createHash("sha256").update(`${local}@${address.slice(at + 1)}`).digest("base64url");
}

// Spends one link from the client's budget, then one from the address's (a client
// already refused spends none of the address's). `address` is already normalized.
async function limitSignInLinks({ address, client }: { address: string; client: string | null }): Promise<void> {
  const { perAddress, perClient } = getLimiters();
  const byClient = await consumeRateLimit(perClient, client);
  if (!byClient.isAllowed) throw new SignInLinkLimitError("client", byClient.retryAfterSeconds);
  const byAddress = await consumeRateLimit(perAddress, addressKey(address));
  if (!byAddress.isAllowed) throw new SignInLinkLimitError("address", byAddress.retryAfterSeconds);
}

// Auth.js's signIn callback. For a link request it runs before the token is made
// or anything is mailed, on both paths (the form's signIn() and POST
// /api/auth/signin/email), inside the request, so the settled client address is
// in its headers. Other sign-ins (the link's callback, Google) pass untouched.
export async function rationSignInLinks({
  user,
  email,
}: {
  user: { email?: string | null };
  email?: { verificationRequest?: boolean };
}): Promise<boolean> {
  if (!email?.verificationRequest || !user.email) return true;
  await limitSignInLinks({ address: user.email, client: clientAddress(await headers()) });
  return true;
}

import "server-only";
import { createBadTokenCounter } from "@/lib/rate-limit/bad-tokens";

// An unsubscribe token is an HMAC; lib/rate-limit/bad-tokens.ts says why bad ones are still counted.
export const recordBadUnsubscribeToken = createBadTokenCounter("bad-unsubscribe-token");

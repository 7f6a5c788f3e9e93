import "server-only";
import { createBadTokenCounter } from "@/lib/rate-limit/bad-tokens";

// Guessing a feed token is hopeless (256 bits); lib/rate-limit/bad-tokens.ts says why bad ones are still counted.
export const recordBadFeedToken = createBadTokenCounter("bad-feed-token");

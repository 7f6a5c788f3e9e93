import type { Logger } from "pino";
import type { ErrorLogger } from "@/lib/log";

// What a visitor causes (a used or expired link, a refused address, a bad
// callback URL or CSRF token, an unknown /api/auth path) is counted as a
// warning by its type alone; a stack in the log would only help someone fill it.
const VISITOR_ERROR_TYPES = new Set([
  "AccessDenied",
  "Verification",
  "InvalidCallbackUrl",
  "MissingCSRF",
  "UnknownAction",
  "InvalidCheck",
  "OAuthAccountNotLinked",
  "CallbackRouteError",
]);

function errorType(error: Error): string {
  const type = (error as { type?: unknown }).type;
  return typeof type === "string" ? type : error.name;
}

// Auth.js's logger option, routed into ours (lib/log.ts) instead of console.
export function createAuthLogger({ logger, logError }: { logger: Logger; logError: ErrorLogger }) {
  return {
    error(error: Error) {
      const type = errorType(error);
      if (VISITOR_ERROR_TYPES.has(type)) logger.warn({ type }, "auth.refused");
      else logError("auth.error", error, { type });
    },
    warn(code: string) {
      logger.warn({ code }, "auth.warning");
    },
    debug() {},
  };
}

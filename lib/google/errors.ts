import { UserFacingError } from "@/lib/errors";

/**
 * Google refused the stored grant (revoked, expired, or never had a refresh
 * token): only the user can fix it, by connecting Google again.
 */
export class GoogleReconnectRequiredError extends UserFacingError {
  constructor() {
    super("Reconnect Google: Afterview lost access to your Google account.");
    this.name = "GoogleReconnectRequiredError";
  }
}

export class GoogleNotConnectedError extends UserFacingError {
  constructor() {
    super("Connect your Google account first.");
    this.name = "GoogleNotConnectedError";
  }
}

type ErrorWithResponse = { response?: { status?: unknown; data?: unknown } };

// Duck-typed rather than `instanceof GaxiosError`: googleapis and
// google-auth-library ship different gaxios copies, so the classes differ.
export function readGoogleErrorStatus(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const status = (error as ErrorWithResponse).response?.status;
  return typeof status === "number" ? status : undefined;
}

export function readGoogleErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const data = (error as ErrorWithResponse).response?.data;
  if (typeof data !== "object" || data === null) return undefined;
  const code = (data as { error?: unknown }).error;
  return typeof code === "string" ? code : undefined;
}

type GoogleErrorBody = { error?: { message?: unknown; errors?: { reason?: unknown }[] } };

/** Google's own words (error.message) and reasons (error.errors[].reason) of an API error. */
export function readGoogleErrorDetails(error: unknown): { message: string; reasons: string[] } {
  if (typeof error !== "object" || error === null) return { message: "", reasons: [] };
  const data = (error as { response?: { data?: GoogleErrorBody } }).response?.data;
  const message = typeof data?.error?.message === "string" ? data.error.message : "";
  const reasons = (data?.error?.errors ?? []).flatMap((entry) => (typeof entry.reason === "string" ? [entry.reason] : []));
  return { message, reasons };
}

// Google answers some quota limits with 403 rather than 429.
const RATE_LIMIT_REASONS = new Set(["rateLimitExceeded", "userRateLimitExceeded", "dailyLimitExceeded", "quotaExceeded"]);

/** 429, or a 403 whose reason is a quota: worth trying again later. */
export function isGoogleRateLimit(error: unknown): boolean {
  const status = readGoogleErrorStatus(error);
  if (status === 429) return true;
  return status === 403 && readGoogleErrorDetails(error).reasons.some((reason) => RATE_LIMIT_REASONS.has(reason));
}

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

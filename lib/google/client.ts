import "server-only";
import { google, type Auth, type calendar_v3, type gmail_v1 } from "googleapis";
import { readEnv } from "@/lib/env";
import { buildRetryConfig, type Sleep } from "./retry";
import { getFreshAccessToken } from "./tokens";

export { GOOGLE_MAX_ATTEMPTS, type Sleep } from "./retry";
export { TOKEN_REFRESH_MARGIN_MS } from "./tokens";
export { GoogleNotConnectedError, GoogleReconnectRequiredError } from "./errors";

export type GoogleClientOptions = {
  userId: string;
  /** The shell's clock; decides whether the stored token needs a refresh. */
  now: Date;
  /** API root, e.g. a local fake in tests. Defaults to GOOGLE_API_ROOT_URL, else https://www.googleapis.com/. */
  rootUrl?: string;
  /** OAuth token endpoint. Defaults to GOOGLE_OAUTH_TOKEN_URL, else https://oauth2.googleapis.com/token. */
  tokenUrl?: string;
  /** Waits between retries; tests pass one that records and returns at once. */
  sleep?: Sleep;
};

export type GoogleClient = {
  auth: Auth.OAuth2Client;
  calendar: calendar_v3.Calendar;
  /** Reads retry like every call; users.messages.send must pass NO_RETRY (lib/google/retry.ts). */
  gmail: gmail_v1.Gmail;
};

function readGoogleConfiguration(): { clientId: string; clientSecret: string; rootUrl?: string; tokenUrl?: string } {
  const { AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET, GOOGLE_API_ROOT_URL, GOOGLE_OAUTH_TOKEN_URL } = readEnv();
  if (!AUTH_GOOGLE_ID || !AUTH_GOOGLE_SECRET) {
    throw new Error("Google is not configured: set AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET");
  }
  return { clientId: AUTH_GOOGLE_ID, clientSecret: AUTH_GOOGLE_SECRET, rootUrl: GOOGLE_API_ROOT_URL, tokenUrl: GOOGLE_OAUTH_TOKEN_URL };
}

/**
 * The one way to call Google for a user (docs/architecture.md "Mail and Google"). It hands out a
 * token that is valid for at least TOKEN_REFRESH_MARGIN_MS after `now`, so it
 * is meant for one job or request, not to be cached. The OAuth2 client gets no
 * refresh token: refreshing happens here, under the account lock, never
 * behind our back in the library.
 *
 * Throws GoogleNotConnectedError or GoogleReconnectRequiredError (both
 * UserFacingError); callers that run without the user (jobs) record the
 * latter with markGoogleConnectionBroken (lib/google/connection.ts).
 */
export async function createGoogleClient(options: GoogleClientOptions): Promise<GoogleClient> {
  const configured = readGoogleConfiguration();
  const { clientId, clientSecret } = configured;
  const rootUrl = options.rootUrl ?? configured.rootUrl;
  const tokenUrl = options.tokenUrl ?? configured.tokenUrl;
  const retryConfig = buildRetryConfig(options.sleep);
  const auth = new google.auth.OAuth2({
    clientId,
    clientSecret,
    ...(tokenUrl ? { endpoints: { oauth2TokenUrl: tokenUrl } } : {}),
  });
  const accessToken = await getFreshAccessToken({
    userId: options.userId,
    now: options.now,
    clientId,
    clientSecret,
    auth,
    retryConfig,
  });
  auth.setCredentials({ access_token: accessToken, token_type: "Bearer" });
  const apiOptions = { auth, retryConfig, ...(rootUrl ? { rootUrl } : {}) };
  const calendar = google.calendar({ version: "v3", ...apiOptions });
  const gmail = google.gmail({ version: "v1", ...apiOptions });
  return { auth, calendar, gmail };
}

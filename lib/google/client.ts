import "server-only";
import { google, type Auth, type calendar_v3 } from "googleapis";
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
  /** API root, e.g. a local fake in tests. Defaults to https://www.googleapis.com/. */
  rootUrl?: string;
  /** OAuth token endpoint. Defaults to https://oauth2.googleapis.com/token. */
  tokenUrl?: string;
  /** Waits between retries; tests pass one that records and returns at once. */
  sleep?: Sleep;
};

export type GoogleClient = {
  auth: Auth.OAuth2Client;
  calendar: calendar_v3.Calendar;
};

function readGoogleCredentials(): { clientId: string; clientSecret: string } {
  const { AUTH_GOOGLE_ID, AUTH_GOOGLE_SECRET } = readEnv();
  if (!AUTH_GOOGLE_ID || !AUTH_GOOGLE_SECRET) {
    throw new Error("Google is not configured: set AUTH_GOOGLE_ID and AUTH_GOOGLE_SECRET");
  }
  return { clientId: AUTH_GOOGLE_ID, clientSecret: AUTH_GOOGLE_SECRET };
}

/**
 * The one way to call Google for a user (style.md, rule 11). It hands out a
 * token that is valid for at least TOKEN_REFRESH_MARGIN_MS after `now`, so it
 * is meant for one job or request, not to be cached. The OAuth2 client gets no
 * refresh token: refreshing happens here, under the account lock, never
 * behind our back in the library.
 *
 * Throws GoogleNotConnectedError or GoogleReconnectRequiredError (both
 * UserFacingError). Marking the connection broken in the database needs a
 * column and is a follow-up; until then callers show the error.
 */
export async function createGoogleClient(options: GoogleClientOptions): Promise<GoogleClient> {
  const { clientId, clientSecret } = readGoogleCredentials();
  const retryConfig = buildRetryConfig(options.sleep);
  const auth = new google.auth.OAuth2({
    clientId,
    clientSecret,
    ...(options.tokenUrl ? { endpoints: { oauth2TokenUrl: options.tokenUrl } } : {}),
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
  const calendar = google.calendar({
    version: "v3",
    auth,
    retryConfig,
    ...(options.rootUrl ? { rootUrl: options.rootUrl } : {}),
  });
  return { auth, calendar };
}

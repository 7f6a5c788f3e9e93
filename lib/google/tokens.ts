import "server-only";
import { and, eq } from "drizzle-orm";
import type { Auth } from "googleapis";
import { decryptOptional, encryptSecret } from "@/lib/crypto";
import { getDb, type Database } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import type { GoogleRetryConfig } from "./retry";
import { GoogleNotConnectedError, GoogleReconnectRequiredError, readGoogleErrorCode } from "./errors";

/** Refresh this long before Google's expiry, so a token never dies mid-job. */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;

const GOOGLE_PROVIDER = "google";
const MS_PER_SECOND = 1000;

type AccountRow = typeof accounts.$inferSelect;
type Executor = Pick<Database, "select">;

type TokenResponse = {
  access_token: string;
  expires_in?: number;
  refresh_token?: string;
  scope?: string;
  token_type?: string;
};

export type RefreshTokensInput = {
  userId: string;
  now: Date;
  clientId: string;
  clientSecret: string;
  /** Supplies the token endpoint (`endpoints.oauth2TokenUrl`) and its HTTP transport. */
  auth: Auth.OAuth2Client;
  retryConfig: GoogleRetryConfig;
};

function selectGoogleAccount(executor: Executor, userId: string) {
  return executor
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, GOOGLE_PROVIDER)))
    .limit(1);
}

function isFresh(account: AccountRow, now: Date): boolean {
  if (!account.access_token || account.expires_at == null) return false;
  return account.expires_at * MS_PER_SECOND - now.getTime() > TOKEN_REFRESH_MARGIN_MS;
}

async function requestRefresh(input: RefreshTokensInput, refreshToken: string): Promise<TokenResponse> {
  const { auth, retryConfig, clientId, clientSecret } = input;
  try {
    const response = await auth.transporter.request<TokenResponse>({
      method: "POST",
      url: auth.endpoints.oauth2TokenUrl.toString(),
      data: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: refreshToken,
        client_id: clientId,
        client_secret: clientSecret,
      }),
      retry: true,
      retryConfig,
    });
    return response.data;
  } catch (error) {
    if (readGoogleErrorCode(error) === "invalid_grant") throw new GoogleReconnectRequiredError();
    throw error;
  }
}

/**
 * The user's Google access token, refreshed first when it expires within
 * TOKEN_REFRESH_MARGIN_MS. The refresh runs under a row lock on the account,
 * so concurrent callers refresh once and the others read the stored result.
 */
export async function getFreshAccessToken(input: RefreshTokensInput): Promise<string> {
  const { userId, now } = input;
  const [current] = await selectGoogleAccount(getDb(), userId);
  if (!current) throw new GoogleNotConnectedError();
  if (isFresh(current, now)) return decryptOptional(current.access_token)!;

  // The token call happens inside the transaction on purpose: the row lock is
  // what keeps a second worker from spending the refresh token concurrently.
  return getDb().transaction(async (tx) => {
    const [locked] = await selectGoogleAccount(tx, userId).for("update");
    if (!locked) throw new GoogleNotConnectedError();
    if (isFresh(locked, now)) return decryptOptional(locked.access_token)!;

    const refreshToken = decryptOptional(locked.refresh_token);
    if (!refreshToken) throw new GoogleReconnectRequiredError();
    const tokens = await requestRefresh(input, refreshToken);

    await tx
      .update(accounts)
      .set({
        access_token: encryptSecret(tokens.access_token),
        expires_at:
          tokens.expires_in == null ? null : Math.floor(now.getTime() / MS_PER_SECOND) + tokens.expires_in,
        // Google rotates the refresh token only sometimes; keep the old one otherwise.
        ...(tokens.refresh_token ? { refresh_token: encryptSecret(tokens.refresh_token) } : {}),
        ...(tokens.scope ? { scope: tokens.scope } : {}),
      })
      .where(
        and(eq(accounts.provider, locked.provider), eq(accounts.providerAccountId, locked.providerAccountId)),
      );
    return tokens.access_token;
  });
}

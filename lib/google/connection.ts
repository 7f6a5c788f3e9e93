import "server-only";
import { and, eq } from "drizzle-orm";
import { decryptOptional } from "@/lib/crypto";
import { db, type Database } from "@/lib/db/client";
import { accounts, googleSettings, users, type GoogleSetting } from "@/lib/db/schema";
import { parseScopes } from "./scopes";

const GOOGLE_PROVIDER = "google";

export type GoogleSettingValues = Pick<
  GoogleSetting,
  "sendWithGmail" | "readRepliesWithGmail" | "calendarPush" | "calendarId" | "lastPushAt" | "gmailHistoryId" | "lastReplyCheckAt" | "brokenAt" | "lastError"
>;

/** What a user without a google_setting row has (the column defaults). */
export const DEFAULT_GOOGLE_SETTING: GoogleSettingValues = {
  sendWithGmail: true,
  readRepliesWithGmail: false,
  calendarPush: false,
  calendarId: null,
  lastPushAt: null,
  gmailHistoryId: null,
  lastReplyCheckAt: null,
  brokenAt: null,
  lastError: null,
};

export type GoogleConnection = {
  /** The Google account's address (from its ID token), else the user's own. */
  address: string;
  userName: string;
  scopes: Set<string>;
  setting: GoogleSettingValues;
  isBroken: boolean;
};

// The ID token is Google's signed statement of who signed in; it was verified
// at sign-in, so reading its payload again for display needs no check.
function readIdTokenEmail(sealed: string | null): string | null {
  try {
    const payload = decryptOptional(sealed)?.split(".")[1];
    if (!payload) return null;
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { email?: unknown };
    return typeof claims.email === "string" ? claims.email : null;
  } catch {
    return null;
  }
}

/** The user's Google account and Google settings, or null without a Google account. */
/** `executor`: a transaction, to read what it wrote (lib/calendar/push-request.ts). */
export async function loadGoogleConnection({
  userId,
  executor = db,
}: {
  userId: string;
  executor?: Pick<Database, "select">;
}): Promise<GoogleConnection | null> {
  const [row] = await executor
    .select({
      scope: accounts.scope,
      idToken: accounts.id_token,
      email: users.email,
      name: users.name,
      displayName: users.displayName,
      setting: googleSettings,
    })
    .from(accounts)
    .innerJoin(users, eq(users.id, accounts.userId))
    .leftJoin(googleSettings, eq(googleSettings.userId, accounts.userId))
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, GOOGLE_PROVIDER)))
    .limit(1);
  if (!row) return null;
  const setting = row.setting ?? DEFAULT_GOOGLE_SETTING;
  return {
    address: readIdTokenEmail(row.idToken) ?? row.email ?? "",
    userName: row.displayName || row.name || "",
    scopes: parseScopes(row.scope),
    setting,
    isBroken: setting.brokenAt !== null,
  };
}

/** Creates the user's google_setting row when missing, then applies `values`. */
export async function saveGoogleSetting({
  userId,
  values,
  now,
}: {
  userId: string;
  values: Partial<GoogleSettingValues>;
  now: Date;
}): Promise<void> {
  await db
    .insert(googleSettings)
    .values({ userId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: googleSettings.userId, set: { ...values, updatedAt: now } });
}

/**
 * Google refused the grant (invalid_grant): everything that uses Google stops
 * for this user until they sign in with Google again, which clears it.
 */
export async function markGoogleConnectionBroken({ userId, now, message }: { userId: string; now: Date; message: string }): Promise<void> {
  await saveGoogleSetting({ userId, values: { brokenAt: now, lastError: message }, now });
}

export async function clearGoogleConnectionBroken({ userId, now }: { userId: string; now: Date }): Promise<void> {
  await db
    .update(googleSettings)
    .set({ brokenAt: null, lastError: null, updatedAt: now })
    .where(eq(googleSettings.userId, userId));
}

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { decryptSecret } from "../crypto";
import { accounts, googleSettings } from "../db/schema";
import { getDb, setupTestDatabase } from "../test/database";
import { markGoogleConnectionBroken } from "./connection";
import { storeGoogleSignIn } from "./sign-in";
import { configureTestGoogleCredentials, createUserWithGoogleAccount, unsignedIdToken } from "@/lib/test/google-fixtures";

setupTestDatabase();
configureTestGoogleCredentials();

const NOW = new Date("2026-11-18T08:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const GRANTED = "openid email profile https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/calendar.app.created";

async function readAccount(userId: string) {
  const [row] = await getDb().select().from(accounts).where(and(eq(accounts.userId, userId), eq(accounts.provider, "google")));
  return row!;
}

async function userWithOldTokens() {
  const user = await createUserWithGoogleAccount({ accessToken: "old-access", refreshToken: "old-refresh", expiresAt: NOW_SECONDS - 600, scope: "openid email profile" });
  const row = await readAccount(user.id);
  return { user, providerAccountId: row.providerAccountId };
}

describe("storeGoogleSignIn", () => {
  it("stores the new tokens, scope and ID token of a later sign-in, encrypted, and clears a broken connection", async () => {
    const { user, providerAccountId } = await userWithOldTokens();
    await markGoogleConnectionBroken({ userId: user.id, now: NOW, message: "Reconnect Google" });
    const idToken = unsignedIdToken({ email: "sam@gmail.example" });

    await storeGoogleSignIn({
      userId: user.id,
      account: {
        provider: "google",
        providerAccountId,
        access_token: "new-access",
        refresh_token: "new-refresh",
        expires_at: NOW_SECONDS + 3599,
        scope: GRANTED,
        id_token: idToken,
      },
      now: NOW,
    });

    const row = await readAccount(user.id);
    expect(row.access_token).not.toContain("new-access");
    expect(decryptSecret(row.access_token!)).toBe("new-access");
    expect(decryptSecret(row.refresh_token!)).toBe("new-refresh");
    expect(decryptSecret(row.id_token!)).toBe(idToken);
    expect(row).toMatchObject({ expires_at: NOW_SECONDS + 3599, scope: GRANTED });
    const [setting] = await getDb().select().from(googleSettings).where(eq(googleSettings.userId, user.id));
    expect(setting).toMatchObject({ brokenAt: null, lastError: null });
  });

  it("keeps the stored refresh token when Google sends none", async () => {
    const { user, providerAccountId } = await userWithOldTokens();

    await storeGoogleSignIn({
      userId: user.id,
      account: { provider: "google", providerAccountId, access_token: "newer-access", expires_at: NOW_SECONDS + 3599, scope: GRANTED },
      now: NOW,
    });

    const row = await readAccount(user.id);
    expect(decryptSecret(row.access_token!)).toBe("newer-access");
    expect(decryptSecret(row.refresh_token!)).toBe("old-refresh");
  });

  it("leaves other users' accounts and other providers alone", async () => {
    const { user, providerAccountId } = await userWithOldTokens();
    const other = await userWithOldTokens();
    const before = await readAccount(user.id);

    await storeGoogleSignIn({ userId: other.user.id, account: { provider: "google", providerAccountId, access_token: "stolen" }, now: NOW });
    await storeGoogleSignIn({ userId: user.id, account: { provider: "email", providerAccountId, access_token: "not-google" }, now: NOW });

    expect(await readAccount(user.id)).toEqual(before);
  });
});

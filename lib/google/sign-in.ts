import "server-only";
import { and, eq } from "drizzle-orm";
import { requestCalendarPush } from "@/lib/calendar/push-request";
import { encryptSecret } from "@/lib/crypto";
import { db } from "@/lib/db/client";
import { accounts } from "@/lib/db/schema";
import { clearGoogleConnectionBroken } from "./connection";

/** The tokens Google gave at sign-in, as Auth.js passes them to events.signIn. */
export type GoogleSignInAccount = {
  provider: string;
  providerAccountId: string;
  access_token?: string;
  refresh_token?: string;
  expires_at?: number;
  scope?: string;
  id_token?: string;
};

/**
 * Auth.js stores tokens only when it links an account; a later sign-in (a
 * reconnect, or consent to one more scope) would leave the old, perhaps
 * revoked, tokens in place. This stores what Google just gave, encrypted like
 * linkAccount does, keeps the refresh token when Google sent none (it sends
 * one only with prompt=consent), clears a broken connection, and pushes the
 * plan to a calendar the new grant allows.
 */
export async function storeGoogleSignIn({ userId, account, now }: { userId: string; account: GoogleSignInAccount; now: Date }): Promise<void> {
  if (account.provider !== "google" || !account.access_token) return;
  await db
    .update(accounts)
    .set({
      access_token: encryptSecret(account.access_token),
      expires_at: account.expires_at ?? null,
      ...(account.refresh_token ? { refresh_token: encryptSecret(account.refresh_token) } : {}),
      ...(account.scope ? { scope: account.scope } : {}),
      ...(account.id_token ? { id_token: encryptSecret(account.id_token) } : {}),
    })
    .where(
      and(eq(accounts.provider, "google"), eq(accounts.providerAccountId, account.providerAccountId), eq(accounts.userId, userId)),
    );
  await clearGoogleConnectionBroken({ userId, now });
  // consent to calendar.app.created may just have arrived: push the plan now
  await requestCalendarPush({ userId });
}

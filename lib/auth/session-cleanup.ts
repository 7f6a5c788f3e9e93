import "server-only";
import { lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { sessions, verificationTokens } from "@/lib/db/schema";

/**
 * Expired sessions are refused when read (lib/auth/session.ts) but stay in the
 * table; a daily job deletes them, including those whose cookie is long gone.
 */
export async function deleteExpiredSessions({ now }: { now: Date }): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expires, now)).returning({ token: sessions.sessionToken });
  return deleted.length;
}

/**
 * Auth.js deletes a sign-in token when its link is used; one never clicked
 * stays, refused once expired, so the daily job deletes those too.
 */
export async function deleteExpiredVerificationTokens({ now }: { now: Date }): Promise<number> {
  const deleted = await db.delete(verificationTokens).where(lt(verificationTokens.expires, now)).returning({ token: verificationTokens.token });
  return deleted.length;
}

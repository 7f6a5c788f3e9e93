import "server-only";
import { lt } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { sessions } from "@/lib/db/schema";

/**
 * Expired sessions are refused when read (lib/auth/session.ts) but stay in the
 * table; a daily job deletes them, including those whose cookie is long gone.
 */
export async function deleteExpiredSessions({ now }: { now: Date }): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expires, now)).returning({ token: sessions.sessionToken });
  return deleted.length;
}

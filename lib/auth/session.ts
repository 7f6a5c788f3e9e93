import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { sessions, users } from "@/lib/db/schema";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS, sessionCookieName } from "./config";
import { hashSessionToken } from "./session-token";

// Every page asks for the session, so it is one prepared query (session joined
// with the user's display settings) instead of Auth.js's auth(), which runs its
// whole request pipeline and the adapter's unprepared lookup, then a second query
// for the settings. Auth.js still signs users in and out; this only reads.
let prepared: ReturnType<typeof prepareQueries> | undefined;

function prepareQueries() {
  const db = getDb();
  return {
    find: db
      .select({
        id: users.id,
        email: users.email,
        timeZone: users.timeZone,
        sendHour: users.sendHour,
        dataVersion: users.dataVersion,
        expires: sessions.expires,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.sessionToken, sql.placeholder("token")), gt(sessions.expires, sql.placeholder("now"))))
      .prepare("session_user"),
    extend: db
      .update(sessions)
      .set({ expires: sql`${sql.placeholder("expires")}::timestamptz` })
      .where(eq(sessions.sessionToken, sql.placeholder("token")))
      .prepare("session_extend"),
  };
}

function queries() {
  prepared ??= prepareQueries();
  return prepared;
}

export type SessionUser = {
  id: string;
  email: string | null;
  timeZone: string;
  sendHour: number;
  hasDetectedTimeZone: boolean;
  /** what a cached dashboard is checked against (lib/db/schema.ts users.dataVersion) */
  dataVersion: number;
};

// Expired sessions are refused; a live one is extended as Auth.js does (at most
// once per SESSION_UPDATE_AGE_SECONDS), so a visit keeps the user signed in.
// The table holds hashes of the cookies' tokens, as the Auth.js adapter stores them.
async function findSessionUser(cookieToken: string, now: Date): Promise<SessionUser | null> {
  const token = hashSessionToken(cookieToken);
  const [row] = await queries().find.execute({ token, now: now.toISOString() });
  if (!row) return null;
  const isDueForExtension = row.expires.getTime() - (SESSION_MAX_AGE_SECONDS - SESSION_UPDATE_AGE_SECONDS) * 1000 <= now.getTime();
  if (isDueForExtension) {
    await queries().extend.execute({ token, expires: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000).toISOString() });
  }
  return {
    id: row.id,
    email: row.email,
    timeZone: row.timeZone ?? DEFAULT_TIME_ZONE,
    sendHour: row.sendHour,
    hasDetectedTimeZone: row.timeZone !== null,
    dataVersion: row.dataVersion,
  };
}

// Once per request: the layout, the page and an action all ask, the session is read once.
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return token ? findSessionUser(token, new Date()) : null;
});

export async function getSessionUserId(): Promise<string | null> {
  return (await getSessionUser())?.id ?? null;
}

// Pages call these themselves; nothing relies on the proxy for auth.
export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/signin");
  return user;
}

export async function requireUserId(): Promise<string> {
  return (await requireSessionUser()).id;
}

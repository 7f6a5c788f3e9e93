import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { sessions, users } from "@/lib/db/schema";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { SESSION_MAX_AGE_SECONDS } from "./config";
import { getSessionUser, requireSessionUser } from "./session";
import { hashSessionToken } from "./session-token";

vi.mock("next/headers", () => nextHeadersModule());

setupTestDatabase();

const DAY_MS = 24 * 60 * 60 * 1000;

async function expiresOf(sessionToken: string): Promise<Date> {
  const [row] = await getDb().select({ expires: sessions.expires }).from(sessions).where(eq(sessions.sessionToken, hashSessionToken(sessionToken)));
  return row!.expires;
}

describe("session lookup", () => {
  it("reads the user, their display settings and data version from the session cookie", async () => {
    const user = await createTestUser({ timeZone: "Asia/Kolkata", sendHour: 8 });
    await getDb().update(users).set({ dataVersion: 42 }).where(eq(users.id, user.id));
    signInAs(await createTestSession(user.id));
    expect(await getSessionUser()).toEqual({ id: user.id, email: user.email, timeZone: "Asia/Kolkata", sendHour: 8, hasDetectedTimeZone: true, dataVersion: 42 });
  });

  it("falls back to UTC until the browser reports a zone", async () => {
    const user = await createTestUser({ timeZone: null });
    signInAs(await createTestSession(user.id));
    expect(await getSessionUser()).toMatchObject({ timeZone: "UTC", hasDetectedTimeZone: false });
  });

  it("refuses an unknown token, an expired session and no cookie, and pages send those to sign-in", async () => {
    const user = await createTestUser();
    signInAs("not-a-session");
    expect(await getSessionUser()).toBeNull();
    const expired = await createTestSession(user.id);
    await getDb().update(sessions).set({ expires: new Date(Date.now() - 1_000) }).where(eq(sessions.sessionToken, hashSessionToken(expired)));
    signInAs(expired);
    expect(await getSessionUser()).toBeNull();
    signInAs(null);
    expect(await captureNavigation(() => requireSessionUser())).toEqual({ redirect: "/signin" });
  });

  it("extends a session at most once a day, as Auth.js does", async () => {
    const user = await createTestUser();
    // a session created today with the default lifetime is not due yet
    const fresh = await createTestSession(user.id);
    await getDb().update(sessions).set({ expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 60_000) }).where(eq(sessions.sessionToken, hashSessionToken(fresh)));
    const freshExpires = await expiresOf(fresh);
    signInAs(fresh);
    await getSessionUser();
    expect(await expiresOf(fresh)).toEqual(freshExpires);
    // one last extended two days ago is pushed out to the full lifetime again
    const stale = await createTestSession(user.id);
    await getDb().update(sessions).set({ expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - 2 * DAY_MS) }).where(eq(sessions.sessionToken, hashSessionToken(stale)));
    signInAs(stale);
    await getSessionUser();
    expect((await expiresOf(stale)).getTime()).toBeGreaterThan(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 - DAY_MS);
  });
});

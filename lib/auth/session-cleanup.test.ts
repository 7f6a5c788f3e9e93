import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { sessions } from "../db/schema";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestSession, createTestUser } from "../test/factories";
import { deleteExpiredSessions } from "./session-cleanup";
import { hashSessionToken } from "./session-token";

setupTestDatabase();

describe("session cleanup", () => {
  it("deletes expired sessions and keeps live ones", async () => {
    const user = await createTestUser();
    const live = await createTestSession(user.id);
    const expired = await createTestSession(user.id);
    await getDb().update(sessions).set({ expires: new Date(Date.now() - 60_000) }).where(eq(sessions.sessionToken, hashSessionToken(expired)));
    expect(await deleteExpiredSessions({ now: new Date() })).toBe(1);
    const left = await getDb().select({ token: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, user.id));
    expect(left.map((row) => row.token)).toEqual([hashSessionToken(live)]);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { sessions } from "@/lib/db/schema";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { signOutAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

async function sessionCount(userId: string): Promise<number> {
  return (await getDb().select({ userId: sessions.userId }).from(sessions).where(eq(sessions.userId, userId))).length;
}

describe("sign out", () => {
  it("ends the session in the database and sends the user to sign in", async () => {
    const user = await createTestUser();
    signInAs(await createTestSession(user.id));

    const { redirect } = await captureNavigation(() => signOutAction(new FormData()));

    expect(redirect).toBe("/signin");
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("sends a visitor whose session already ended to sign in, touching no one's session", async () => {
    const other = await createTestUser();
    await createTestSession(other.id);
    signInAs(null);

    const { redirect } = await captureNavigation(() => signOutAction(new FormData()));

    expect(redirect).toBe("/signin");
    expect(await sessionCount(other.id)).toBe(1);
  });
});

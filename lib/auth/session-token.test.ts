import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { sessions } from "@/lib/db/schema";
import { listDevOutboxMessages } from "@/lib/mail/dev-outbox";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestUser } from "@/lib/test/factories";
import { nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { auth, handlers, signIn, signOut } from "./config";
import { getSessionUser } from "./session";
import { hashSessionToken } from "./session-token";

vi.mock("next/headers", () => nextHeadersModule());

setupTestDatabase();

beforeAll(() => {
  // the magic link lands in the dev outbox, where the test follows it
  delete process.env.SMTP_URL;
});

// Signs in through Auth.js itself (email link, callback) and returns the cookie it set.
async function signInByEmail(email: string): Promise<string> {
  signInAs(null);
  await signIn("email", { email, redirect: false });
  const [message] = await listDevOutboxMessages();
  const link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(message!.text)![0];
  const response = await handlers.GET(new NextRequest(link));
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("authjs.session-token="));
  return cookie!.split(";")[0]!.slice("authjs.session-token=".length);
}

async function storedTokens(): Promise<string[]> {
  const rows = await getDb().select({ token: sessions.sessionToken }).from(sessions);
  return rows.map((row) => row.token);
}

describe("session tokens at rest", () => {
  it("stores only the SHA-256 of the cookie's token, and the cookie still works for pages and for Auth.js", async () => {
    const cookieToken = await signInByEmail("hashed@example.test");
    expect(cookieToken).not.toBe("");
    expect(await storedTokens()).toEqual([hashSessionToken(cookieToken)]);
    expect(hashSessionToken(cookieToken)).toMatch(/^[0-9a-f]{64}$/);

    signInAs(cookieToken);
    expect(await getSessionUser()).toMatchObject({ email: "hashed@example.test" });
    expect((await auth())?.user?.email).toBe("hashed@example.test");

    await signOut({ redirect: false });
    expect(await storedTokens()).toEqual([]);
    expect(await getSessionUser()).toBeNull();
  });

  it("does not sign anyone in with a value read from the session table", async () => {
    await signInByEmail("stolen@example.test");
    const [stolen] = await storedTokens();
    signInAs(stolen!);
    expect(await getSessionUser()).toBeNull();
    expect(await auth()).toBeNull();
    // the session itself is untouched: only its cookie opens it
    expect(await storedTokens()).toEqual([stolen]);
  });

  it("migration 0009 hashes the tokens already stored, so their holders stay signed in", async () => {
    const user = await createTestUser({ email: "before-0009@example.test" });
    const cookieToken = randomUUID();
    await getDb().insert(sessions).values({ sessionToken: cookieToken, userId: user.id, expires: new Date(Date.now() + 60 * 60 * 1000) });
    await getDb().execute(sql.raw(readFileSync(path.resolve("drizzle/0009_hash-session-tokens.sql"), "utf8")));
    const rows = await getDb().select({ token: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toEqual([{ token: hashSessionToken(cookieToken) }]);
    signInAs(cookieToken);
    expect(await getSessionUser()).toMatchObject({ id: user.id });
  });
});

import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { decryptSecret } from "../crypto";
import { accounts } from "../db/schema";
import { createTestUser } from "../test/factories";
import { getDb, setupTestDatabase } from "../test/database";
import { createGoogleClient, GOOGLE_MAX_ATTEMPTS, GoogleNotConnectedError, GoogleReconnectRequiredError } from "./client";
import { createUserWithGoogleAccount, setupFakeGoogle, TEST_GOOGLE_CLIENT_ID } from "@/lib/test/google-fixtures";

setupTestDatabase();
const google = setupFakeGoogle();

const NOW = new Date("2026-11-18T08:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const HOUR_SECONDS = 3600;


function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

async function readAccount(userId: string) {
  const [row] = await getDb()
    .select()
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.provider, "google")));
  return row!;
}

async function countLockWaiters(): Promise<number> {
  const rows = await getDb().execute<{ waiting: number }>(
    sql`select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`,
  );
  return rows[0]?.waiting ?? 0;
}

function clientFor(userId: string, sleep?: (ms: number) => Promise<void>) {
  return createGoogleClient({ userId, now: NOW, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl, sleep });
}

describe("createGoogleClient tokens", () => {
  it("uses the stored token while it is valid for longer than the margin", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "still-valid-access",
      refreshToken: "refresh-still-valid",
      expiresAt: NOW_SECONDS + HOUR_SECONDS,
    });
    google.server.validTokens.add("still-valid-access");
    const tokenCallsBefore = google.server.tokenRequests().length;

    const { calendar } = await clientFor(user.id);
    await calendar.calendarList.list();

    expect(google.server.tokenRequests()).toHaveLength(tokenCallsBefore);
    expect(google.server.apiRequests().at(-1)).toMatchObject({
      method: "GET",
      path: "/calendar/v3/users/me/calendarList",
      authorization: "Bearer still-valid-access",
    });
  });

  it("refreshes a token expiring in one minute first, stores it encrypted, and calls with it", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "about-to-expire",
      refreshToken: "refresh-abc",
      expiresAt: NOW_SECONDS + 60,
    });
    google.server.setTokenReply((form) => ({
      status: 200,
      body: { access_token: `new-for-${form.get("refresh_token")}`, expires_in: 3599, token_type: "Bearer" },
    }));
    google.server.validTokens.add("new-for-refresh-abc");
    const tokenCallsBefore = google.server.tokenRequests().length;

    const { calendar } = await clientFor(user.id);
    await calendar.calendarList.list();

    const tokenCalls = google.server.tokenRequests().slice(tokenCallsBefore);
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.body).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "refresh-abc",
      client_id: TEST_GOOGLE_CLIENT_ID,
    });
    const row = await readAccount(user.id);
    expect(row.access_token).not.toContain("new-for-refresh-abc");
    expect(decryptSecret(row.access_token!)).toBe("new-for-refresh-abc");
    expect(row.expires_at).toBe(NOW_SECONDS + 3599);
    expect(decryptSecret(row.refresh_token!)).toBe("refresh-abc");
    expect(google.server.apiRequests().at(-1)!.authorization).toBe("Bearer new-for-refresh-abc");
  });

  it("refreshes once when two callers find the same expiring token", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "expiring-shared",
      refreshToken: "refresh-shared",
      expiresAt: NOW_SECONDS + 30,
    });
    // Hold the first refresh until the second caller is queued on the account
    // lock, so both have seen the expiring token before either stores a new one.
    let releaseRefresh = () => {};
    const refreshReleased = new Promise<void>((resolve) => (releaseRefresh = resolve));
    google.server.setTokenReply(async (_form, count) => {
      await refreshReleased;
      return { status: 200, body: { access_token: `shared-${count}`, expires_in: 3599, token_type: "Bearer" } };
    });
    const tokenCallsBefore = google.server.tokenRequests().length;

    const both = Promise.all([clientFor(user.id), clientFor(user.id)]);
    try {
      await vi.waitFor(async () => expect(await countLockWaiters()).toBe(1), { timeout: 10_000 });
    } finally {
      releaseRefresh();
    }
    const [first, second] = await both;

    const tokenCalls = google.server.tokenRequests().slice(tokenCallsBefore);
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.body).toMatchObject({ refresh_token: "refresh-shared" });
    const firstToken = (await first.auth.getAccessToken()).token;
    expect(firstToken).toMatch(/^shared-\d+$/);
    expect((await second.auth.getAccessToken()).token).toBe(firstToken);
    expect(decryptSecret((await readAccount(user.id)).access_token!)).toBe(firstToken);
  });

  it("turns invalid_grant into GoogleReconnectRequiredError and keeps the row as it was", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "revoked-access",
      refreshToken: "revoked-refresh",
      expiresAt: NOW_SECONDS - 10,
    });
    google.server.setTokenReply(() => ({
      status: 400,
      body: { error: "invalid_grant", error_description: "Token has been expired or revoked." },
    }));
    const before = await readAccount(user.id);

    const attempt = clientFor(user.id);

    await expect(attempt).rejects.toBeInstanceOf(GoogleReconnectRequiredError);
    await expect(attempt).rejects.toThrow("Reconnect Google: Afterview lost access to your Google account.");
    const after = await readAccount(user.id);
    expect(after.access_token).toBe(before.access_token);
    expect(after.expires_at).toBe(before.expires_at);
  });

  it("asks to connect Google when the user has no Google account", async () => {
    const user = await createTestUser();

    await expect(clientFor(user.id)).rejects.toBeInstanceOf(GoogleNotConnectedError);
  });
});

describe("createGoogleClient retries", () => {
  it("retries a 503 with backoff and succeeds", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "retry-access",
      refreshToken: "retry-refresh",
      expiresAt: NOW_SECONDS + HOUR_SECONDS,
    });
    google.server.validTokens.add("retry-access");
    google.server.calendars.push({ id: "retry-cal", summary: "Work", accessRole: "owner" });
    google.server.failNext({ method: "GET", pathPrefix: "/calendar/v3/users/me/calendarList", status: 503 });
    const { delays, sleep } = recordingSleep();
    const callsBefore = google.server.apiRequests().length;

    const { calendar } = await clientFor(user.id, sleep);
    const { data } = await calendar.calendarList.list();

    expect(data.items?.map((entry) => entry.id)).toContain("retry-cal");
    expect(google.server.apiRequests().length - callsBefore).toBe(2);
    expect(delays).toEqual([500]);
  });

  it("retries 429 on a POST too, with growing delays, up to the maximum attempts", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "busy-access",
      refreshToken: "busy-refresh",
      expiresAt: NOW_SECONDS + HOUR_SECONDS,
    });
    google.server.validTokens.add("busy-access");
    google.server.failNext({ method: "POST", pathPrefix: "/calendar/v3/calendars", status: 429, times: GOOGLE_MAX_ATTEMPTS });
    const { delays, sleep } = recordingSleep();
    const callsBefore = google.server.apiRequests().length;

    const { calendar } = await clientFor(user.id, sleep);
    const attempt = calendar.calendars.insert({ requestBody: { summary: "Never created" } });

    await expect(attempt).rejects.toMatchObject({ status: 429 });
    expect(google.server.apiRequests().length - callsBefore).toBe(GOOGLE_MAX_ATTEMPTS);
    expect(delays).toEqual([500, 1000, 2000]);
    expect(google.server.calendars.map((entry) => entry.summary)).not.toContain("Never created");
  });

  it("does not retry a 400", async () => {
    const user = await createUserWithGoogleAccount({
      accessToken: "bad-request-access",
      refreshToken: "bad-request-refresh",
      expiresAt: NOW_SECONDS + HOUR_SECONDS,
    });
    google.server.validTokens.add("bad-request-access");
    google.server.failNext({ method: "GET", pathPrefix: "/calendar/v3/users/me/calendarList", status: 400 });
    const { delays, sleep } = recordingSleep();
    const callsBefore = google.server.apiRequests().length;

    const { calendar } = await clientFor(user.id, sleep);

    await expect(calendar.calendarList.list()).rejects.toMatchObject({ status: 400 });
    expect(google.server.apiRequests().length - callsBefore).toBe(1);
    expect(delays).toEqual([]);
  });
});

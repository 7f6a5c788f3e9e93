import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { pushUserCalendar } from "../calendar/push-job";
import { devOutbox, digestRuns, verificationTokens } from "../db/schema";
import { saveGoogleSetting } from "../google/connection";
import { GOOGLE_MAX_ATTEMPTS } from "../google/client";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { createInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { logger } from "../log";
import { seedUser } from "../security/seed";
import { getDb, setupTestDatabase } from "../test/database";
import { interviewInput } from "../test/factories";
import { deleteAccount, summarizeAccount } from "./delete-account";

setupTestDatabase();
const google = setupFakeGoogle();

const NOW = new Date("2026-11-17T16:30:00Z");

// Every column that names a user, found in the database itself, so a table
// added later is checked without anyone remembering to add it here.
async function countRowsOfUser(userId: string): Promise<Record<string, number>> {
  const db = getDb();
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_name in ('user_id', 'userId')`);
  expect(columns.length).toBeGreaterThanOrEqual(15);
  const counts: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of columns) {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${userId}`);
    counts[table] = row!.n;
  }
  return counts;
}

async function countRowsOfAddress(email: string) {
  const db = getDb();
  const [tokens] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${verificationTokens} where lower(identifier) = ${email.toLowerCase()}`);
  const [mail] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${devOutbox} where lower(to_address) = ${email.toLowerCase()}`);
  return tokens!.n + mail!.n;
}

async function googleUserWithCalendar() {
  const accessToken = `delete-access-${randomUUID()}`;
  const user = await createUserWithGoogleAccount({ accessToken, refreshToken: `delete-refresh-${randomUUID()}`, expiresAt: NOW.getTime() / 1000 + 3600 });
  google.server.validTokens.add(accessToken);
  await saveGoogleSetting({ userId: user.id, values: { calendarPush: true }, now: NOW });
  await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
  const pushed = await pushUserCalendar({ userId: user.id }, { now: NOW, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl, sleep: async () => {} });
  if (pushed.status !== "pushed") throw new Error(`push: ${pushed.status}`);
  return { user, calendarId: pushed.calendarId };
}

const googleContext = () => ({ rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl, sleep: async () => {} });

describe("deleting an account", () => {
  it("leaves no row of the user in any table, and leaves other users alone", async () => {
    const doomed = await seedUser("Doomed");
    const bystander = await seedUser("Bystander");
    const db = getDb();
    await recordOutcome({ userId: doomed.userId, opportunityId: doomed.opportunityId, outcome: "replied", now: new Date() });
    await db.insert(digestRuns).values({ userId: doomed.userId, localDate: "2026-11-17", kind: "due" });
    await db.insert(verificationTokens).values({ identifier: doomed.email.toUpperCase(), token: randomUUID(), expires: new Date(Date.now() + 60_000) });
    await db.insert(devOutbox).values({ toAddress: doomed.email, subject: "Sign in", text: "link" });
    const before = await countRowsOfUser(doomed.userId);
    expect(Object.values(before).filter((n) => n > 0).length).toBeGreaterThanOrEqual(10);
    const bystanderBefore = await countRowsOfUser(bystander.userId);
    expect(await summarizeAccount({ userId: doomed.userId })).toMatchObject({ email: doomed.email, opportunities: 1, interviews: 1, queuedMessages: 1, sessions: 1, hasCalendarFeed: true });

    const result = await deleteAccount({ userId: doomed.userId, now: new Date() });

    expect(result).toEqual({ cancelledMessages: 1, googleCalendar: "none" });
    const after = await countRowsOfUser(doomed.userId);
    expect(Object.entries(after).filter(([, n]) => n > 0)).toEqual([]);
    expect(await countRowsOfAddress(doomed.email)).toBe(0);
    expect(await countRowsOfUser(bystander.userId)).toEqual(bystanderBefore);
  });

  it("logs that an account was deleted, without its id or address", async () => {
    const doomed = await seedUser("Logged");
    const info = vi.spyOn(logger, "info");
    await deleteAccount({ userId: doomed.userId, now: new Date() });
    const line = info.mock.calls.find((call) => call[1] === "account.deleted");
    info.mockRestore();
    expect(line?.[0]).toEqual({ cancelledMessages: 1, googleCalendar: "none" });
    expect(JSON.stringify(line)).not.toContain(doomed.userId);
    expect(JSON.stringify(line)).not.toContain(doomed.email);
  });

  it("deletes the Google calendar Afterview created", async () => {
    const { user, calendarId } = await googleUserWithCalendar();
    expect(google.server.calendars.some((entry) => entry.id === calendarId)).toBe(true);

    expect(await deleteAccount({ userId: user.id, now: NOW, google: googleContext() })).toMatchObject({ googleCalendar: "deleted" });

    expect(google.server.calendars.some((entry) => entry.id === calendarId)).toBe(false);
    expect(google.server.apiRequests().some((request) => request.method === "DELETE" && request.path === `/calendar/v3/calendars/${encodeURIComponent(calendarId)}`)).toBe(true);
    expect(Object.values(await countRowsOfUser(user.id)).every((n) => n === 0)).toBe(true);
  });

  it("still deletes the account when Google will not delete the calendar, and says the calendar was kept", async () => {
    const { user, calendarId } = await googleUserWithCalendar();
    google.server.failNext({ method: "DELETE", pathPrefix: "/calendar/v3/calendars/", status: 503, times: GOOGLE_MAX_ATTEMPTS });

    expect(await deleteAccount({ userId: user.id, now: NOW, google: googleContext() })).toMatchObject({ googleCalendar: "kept" });

    expect(google.server.calendars.some((entry) => entry.id === calendarId)).toBe(true);
    expect(Object.values(await countRowsOfUser(user.id)).every((n) => n === 0)).toBe(true);
  });
});

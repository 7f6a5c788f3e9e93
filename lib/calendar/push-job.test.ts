import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { googleSettings, interviews, planSteps } from "../db/schema";
import { saveGoogleSetting } from "../google/connection";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { createInterview, deleteInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { markStepDone, snoozeStep } from "../plan/step-actions";
import { getDb, setupTestDatabase } from "../test/database";
import { interviewInput } from "../test/factories";
import { AFTERVIEW_CALENDAR_NAME, googleEventId } from "./google-push";
import { pushUserCalendar } from "./push-job";
import { requestCalendarPush } from "./push-request";

setupTestDatabase();
const google = setupFakeGoogle();

// The interview of the factories: Tue 17 Nov 2026 15:00 Berlin, Jane Doe and Omar Haddad.
const NOW = new Date("2026-11-17T16:30:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const HOUR_SECONDS = 3600;
const CALENDAR_SCOPE = "openid email profile https://www.googleapis.com/auth/calendar.app.created";

async function googleUser({ isOptedIn = true, scope = CALENDAR_SCOPE, expiresAt = NOW_SECONDS + HOUR_SECONDS } = {}) {
  const accessToken = `calendar-access-${randomUUID()}`;
  const user = await createUserWithGoogleAccount({ accessToken, refreshToken: `calendar-refresh-${randomUUID()}`, expiresAt, scope });
  google.server.validTokens.add(accessToken);
  if (isOptedIn) await saveGoogleSetting({ userId: user.id, values: { calendarPush: true }, now: NOW });
  return { user, accessToken };
}

function push(userId: string, now = NOW) {
  return pushUserCalendar({ userId }, { now, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl, sleep: async () => {} });
}

async function readSetting(userId: string) {
  const [row] = await getDb().select().from(googleSettings).where(eq(googleSettings.userId, userId));
  return row!;
}

async function stepsOf(userId: string) {
  return getDb().select().from(planSteps).where(eq(planSteps.userId, userId));
}

function eventsIn(calendarId: string) {
  return google.server.events.get(calendarId) ?? new Map<string, Record<string, unknown>>();
}

function requestsWith(accessToken: string) {
  return google.server.apiRequests().filter((request) => request.authorization === `Bearer ${accessToken}`);
}

async function pushedUserWithInterview() {
  const connected = await googleUser();
  const { interviewId } = await createInterview({ userId: connected.user.id, input: interviewInput(), now: NOW });
  const first = await push(connected.user.id);
  if (first.status !== "pushed") throw new Error(`first push: ${first.status}`);
  return { ...connected, interviewId, calendarId: first.calendarId, first };
}

describe("pushUserCalendar", () => {
  it("does nothing for a user who has not opted in, lacks the scope, or whose connection is broken", async () => {
    const notOptedIn = await googleUser({ isOptedIn: false });
    const noScope = await googleUser({ scope: "openid email profile" });
    const broken = await googleUser();
    await saveGoogleSetting({ userId: broken.user.id, values: { brokenAt: NOW, lastError: "Reconnect Google" }, now: NOW });
    for (const { user } of [notOptedIn, noScope, broken]) {
      await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    }
    const tokenCallsBefore = google.server.tokenRequests().length;

    for (const { user } of [notOptedIn, noScope, broken]) expect(await push(user.id)).toEqual({ status: "skipped" });
    for (const { user } of [notOptedIn, noScope, broken]) expect(await requestCalendarPush({ userId: user.id })).toBe(false);

    for (const { accessToken } of [notOptedIn, noScope, broken]) expect(requestsWith(accessToken)).toHaveLength(0);
    expect(google.server.tokenRequests()).toHaveLength(tokenCallsBefore);
  });

  it("creates the dedicated calendar once, stores its id, and inserts every pending step", async () => {
    const { user, accessToken, calendarId, first } = await pushedUserWithInterview();

    const pending = (await stepsOf(user.id)).filter((step) => step.status === "pending");
    expect(pending.length).toBeGreaterThanOrEqual(3);
    expect(first).toMatchObject({ isNewCalendar: true, inserted: pending.length, patched: 0, deleted: 0 });
    expect(google.server.calendars.find((entry) => entry.id === calendarId)?.summary).toBe(AFTERVIEW_CALENDAR_NAME);
    expect([...eventsIn(calendarId).keys()].sort()).toEqual(pending.map((step) => googleEventId(step.id)).sort());
    const thankYou = pending.find((step) => step.kind === "thank_you")!;
    expect(eventsIn(calendarId).get(googleEventId(thankYou.id))).toMatchObject({
      start: { dateTime: thankYou.dueAt.toISOString(), timeZone: "Europe/Berlin" },
      reminders: { useDefault: false, overrides: [{ method: "popup", minutes: 15 }] },
    });
    const setting = await readSetting(user.id);
    expect(setting).toMatchObject({ calendarId, lastError: null });
    expect(setting.lastPushAt?.toISOString()).toBe(NOW.toISOString());
    expect(requestsWith(accessToken).filter((request) => request.method === "POST" && request.path === "/calendar/v3/calendars")).toHaveLength(1);
  });

  it("writes nothing when the plan has not changed since the last push", async () => {
    const { user, accessToken, calendarId } = await pushedUserWithInterview();
    const writesBefore = requestsWith(accessToken).filter((request) => request.method !== "GET").length;

    const again = await push(user.id);

    expect(again).toMatchObject({ status: "pushed", calendarId, isNewCalendar: false, inserted: 0, patched: 0, deleted: 0 });
    expect(requestsWith(accessToken).filter((request) => request.method !== "GET")).toHaveLength(writesBefore);
  });

  it("patches only the event of a step that moved", async () => {
    const { user, calendarId } = await pushedUserWithInterview();
    const thankYou = (await stepsOf(user.id)).find((step) => step.kind === "thank_you" && step.status === "pending")!;
    const until = new Date("2026-11-18T15:00:00Z");
    await snoozeStep({ userId: user.id, stepId: thankYou.id, until, now: NOW });

    const result = await push(user.id);

    expect(result).toMatchObject({ status: "pushed", inserted: 0, patched: 1, deleted: 0 });
    expect(eventsIn(calendarId).get(googleEventId(thankYou.id))).toMatchObject({ start: { dateTime: until.toISOString() } });
  });

  it("marks a done step's event done and deletes the events of cancelled steps", async () => {
    const { user, interviewId, calendarId } = await pushedUserWithInterview();
    const steps = await stepsOf(user.id);
    const thankYou = steps.find((step) => step.kind === "thank_you" && step.status === "pending")!;
    await markStepDone({ userId: user.id, stepId: thankYou.id, now: NOW });
    const [interview] = await getDb().select().from(interviews).where(eq(interviews.id, interviewId));
    await recordOutcome({ userId: user.id, opportunityId: interview!.opportunityId, outcome: "rejected", now: NOW });
    const cancelled = (await stepsOf(user.id)).filter((step) => step.status === "cancelled");
    // the other interviewer's thank-you, both follow-ups and move on
    expect(cancelled.map((step) => step.kind).sort()).toEqual(["follow_up", "follow_up", "move_on", "thank_you"]);
    for (const step of cancelled) expect(eventsIn(calendarId).has(googleEventId(step.id))).toBe(true);

    const result = await push(user.id);

    expect(result).toMatchObject({ status: "pushed", deleted: cancelled.length });
    for (const step of cancelled) expect(eventsIn(calendarId).has(googleEventId(step.id))).toBe(false);
    expect(eventsIn(calendarId).get(googleEventId(thankYou.id))).toMatchObject({ summary: "✓ Done: Thank Jane Doe (Acme Analytics)" });
  });

  it("deletes the events of an interview that was deleted", async () => {
    const { user, interviewId, calendarId } = await pushedUserWithInterview();
    expect(eventsIn(calendarId).size).toBeGreaterThan(0);
    await deleteInterview({ userId: user.id, interviewId, now: NOW });

    const result = await push(user.id);

    expect(result).toMatchObject({ status: "pushed", inserted: 0, patched: 0 });
    expect(eventsIn(calendarId).size).toBe(0);
  });

  it("makes a new calendar and pushes everything again when Google answers 404 for the stored one", async () => {
    const { user, calendarId } = await pushedUserWithInterview();
    google.server.deleteCalendar(calendarId);

    const result = await push(user.id);

    if (result.status !== "pushed") throw new Error(result.status);
    const pending = (await stepsOf(user.id)).filter((step) => step.status === "pending");
    expect(result).toMatchObject({ isNewCalendar: true, inserted: pending.length });
    expect(result.calendarId).not.toBe(calendarId);
    expect((await readSetting(user.id)).calendarId).toBe(result.calendarId);
    expect(eventsIn(result.calendarId).size).toBe(pending.length);
  });

  it("marks the connection broken on invalid_grant and pushes nothing", async () => {
    const { user, accessToken } = await googleUser({ expiresAt: NOW_SECONDS - 60 });
    await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    google.server.setTokenReply(() => ({ status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } }));

    const result = await push(user.id);

    expect(result).toEqual({ status: "broken" });
    expect(requestsWith(accessToken)).toHaveLength(0);
    const setting = await readSetting(user.id);
    expect(setting.brokenAt?.toISOString()).toBe(NOW.toISOString());
    expect(setting.lastError).toMatch(/Reconnect Google/);
    expect(await push(user.id)).toEqual({ status: "skipped" });
    google.server.setTokenReply((_form, count) => ({ status: 200, body: { access_token: `refreshed-access-${count}`, expires_in: 3599 } }));
  });
});

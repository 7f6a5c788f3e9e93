import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGoogleClient } from "../google/client";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { setupTestDatabase } from "../test/database";
import {
  AFTERVIEW_CALENDAR_NAME,
  ensureAfterviewCalendar,
  googleEventId,
  pushSteps,
} from "./google-push";
import { BERLIN, localTime, makeStep } from "@/lib/test/calendar-fixtures";

setupTestDatabase();
const google = setupFakeGoogle();

const NOW = new Date("2025-11-10T12:00:00Z");
const NOW_SECONDS = NOW.getTime() / 1000;
const HOUR_SECONDS = 3600;


/** A user whose stored (encrypted) token is valid for an hour, and a client for them. */
async function connectedCalendar() {
  const accessToken = `access-${randomUUID()}`;
  const user = await createUserWithGoogleAccount({
    accessToken,
    refreshToken: `refresh-${randomUUID()}`,
    expiresAt: NOW_SECONDS + HOUR_SECONDS,
  });
  google.server.validTokens.add(accessToken);
  const { calendar } = await createGoogleClient({
    userId: user.id,
    now: NOW,
    rootUrl: google.server.rootUrl,
    tokenUrl: google.server.tokenUrl,
    sleep: async () => {},
  });
  return { calendar, accessToken, calendarId: `cal-${randomUUID()}@group.calendar.google.com` };
}

describe("googleEventId", () => {
  it("derives a valid base32hex id from a step uuid, the same every time", () => {
    const id = googleEventId("3F2504E0-4F89-41D3-9A5D-00A0C91E6BF6");

    expect(id).toBe("av3f2504e04f8941d39a5d00a0c91e6bf6");
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(googleEventId("not a uuid")).toMatch(/^av[a-v0-9]{64}$/);
  });
});

describe("ensureAfterviewCalendar", () => {
  it("creates the calendar, keeps it while it exists, and makes a new one after it was deleted", async () => {
    const { calendar } = await connectedCalendar();

    const created = await ensureAfterviewCalendar({ calendar, timeZone: BERLIN, calendarId: null });
    const kept = await ensureAfterviewCalendar({ calendar, timeZone: BERLIN, calendarId: created.calendarId });
    google.server.deleteCalendar(created.calendarId);
    const replaced = await ensureAfterviewCalendar({ calendar, timeZone: BERLIN, calendarId: created.calendarId });

    expect(created.isNew).toBe(true);
    expect(kept).toEqual({ calendarId: created.calendarId, isNew: false });
    expect(replaced.isNew).toBe(true);
    expect(replaced.calendarId).not.toBe(created.calendarId);
    const insert = google.server.apiRequests().find((entry) => entry.method === "POST" && entry.path === "/calendar/v3/calendars");
    expect(insert?.body).toEqual({ summary: AFTERVIEW_CALENDAR_NAME, timeZone: BERLIN });
    expect(google.server.apiRequests().some((entry) => entry.path.endsWith("/calendarList"))).toBe(false);
  });
});

describe("pushSteps", () => {
  it("inserts a pending step with the stored token, a deterministic id, UTC times and a popup reminder", async () => {
    const { calendar, accessToken, calendarId } = await connectedCalendar();
    const stepId = randomUUID();
    const step = makeStep({ id: stepId, dueAt: localTime("2025-11-12T09:00") });

    const counts = await pushSteps({ calendar, calendarId, steps: [step], timeZone: BERLIN });

    expect(counts).toEqual({ inserted: 1, patched: 0, deleted: 0 });
    const request = google.server.apiRequests().at(-1)!;
    expect(request.method).toBe("POST");
    expect(request.path).toBe(`/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`);
    expect(request.authorization).toBe(`Bearer ${accessToken}`);
    expect(request.body).toMatchObject({
      id: `av${stepId.replace(/-/g, "")}`,
      summary: "Follow up with Jane Doe (Acme)",
      description: `No answer yet, and the decision date has passed.\n${step.url}`,
      start: { dateTime: "2025-11-12T08:00:00.000Z", timeZone: BERLIN },
      end: { dateTime: "2025-11-12T08:15:00.000Z", timeZone: BERLIN },
      reminders: { useDefault: false, overrides: [{ method: "popup", minutes: 15 }] },
    });
  });

  it("patches instead of duplicating when the same steps are pushed again", async () => {
    const { calendar, calendarId } = await connectedCalendar();
    const steps = [makeStep({ id: randomUUID() }), makeStep({ id: randomUUID(), kind: "call" })];

    const first = await pushSteps({ calendar, calendarId, steps, timeZone: BERLIN });
    const moved = steps.map((step) => ({ ...step, dueAt: localTime("2025-11-13T10:00") }));
    const second = await pushSteps({ calendar, calendarId, steps: moved, timeZone: BERLIN });

    expect(first).toEqual({ inserted: 2, patched: 0, deleted: 0 });
    expect(second).toEqual({ inserted: 0, patched: 2, deleted: 0 });
    const stored = google.server.events.get(calendarId)!;
    expect(stored.size).toBe(2);
    expect(stored.get(googleEventId(steps[0]!.id))).toMatchObject({
      start: { dateTime: "2025-11-13T09:00:00.000Z", timeZone: BERLIN },
    });
  });

  it("deletes the event of a cancelled step, and counts an already missing one as deleted", async () => {
    const { calendar, calendarId } = await connectedCalendar();
    const pushed = makeStep({ id: randomUUID() });
    const neverPushed = makeStep({ id: randomUUID(), status: "skipped" });
    await pushSteps({ calendar, calendarId, steps: [pushed], timeZone: BERLIN });

    const counts = await pushSteps({
      calendar,
      calendarId,
      steps: [{ ...pushed, status: "cancelled" }, neverPushed],
      timeZone: BERLIN,
    });

    expect(counts).toEqual({ inserted: 0, patched: 0, deleted: 2 });
    expect(google.server.events.get(calendarId)!.has(googleEventId(pushed.id))).toBe(false);
    const deletes = google.server.apiRequests().filter((entry) => entry.method === "DELETE");
    expect(deletes.map((entry) => entry.path)).toEqual(
      expect.arrayContaining([
        `/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events/${googleEventId(neverPushed.id)}`,
      ]),
    );
  });

  it("marks a done step's event as done, without a reminder", async () => {
    const { calendar, calendarId } = await connectedCalendar();
    const step = makeStep({ id: randomUUID(), kind: "thank_you", personName: "Omar Haddad" });
    await pushSteps({ calendar, calendarId, steps: [step], timeZone: BERLIN });

    const counts = await pushSteps({
      calendar,
      calendarId,
      steps: [{ ...step, status: "done", completedAt: NOW }],
      timeZone: BERLIN,
    });

    expect(counts).toEqual({ inserted: 0, patched: 1, deleted: 0 });
    const request = google.server.apiRequests().at(-1)!;
    expect(request.method).toBe("PATCH");
    expect(google.server.events.get(calendarId)!.get(googleEventId(step.id))).toMatchObject({
      summary: "✓ Done: Thank Omar Haddad (Acme)",
      reminders: { useDefault: false, overrides: [] },
    });
  });

  it("inserts a step that was done before it was ever pushed", async () => {
    const { calendar, calendarId } = await connectedCalendar();
    const step = makeStep({ id: randomUUID(), status: "done", completedAt: NOW });

    const counts = await pushSteps({ calendar, calendarId, steps: [step], timeZone: BERLIN });

    expect(counts).toEqual({ inserted: 1, patched: 0, deleted: 0 });
    expect(google.server.events.get(calendarId)!.get(googleEventId(step.id))).toMatchObject({
      summary: "✓ Done: Follow up with Jane Doe (Acme)",
    });
  });

  it("inserts after a 503 on the first try, without a duplicate", async () => {
    const { calendar, calendarId } = await connectedCalendar();
    const step = makeStep({ id: randomUUID() });
    const eventsPath = `/calendar/v3/calendars/${encodeURIComponent(calendarId)}/events`;
    google.server.failNext({ method: "POST", pathPrefix: eventsPath, status: 503 });

    const counts = await pushSteps({ calendar, calendarId, steps: [step], timeZone: BERLIN });

    expect(counts).toEqual({ inserted: 1, patched: 0, deleted: 0 });
    expect(google.server.apiRequests().filter((entry) => entry.path === eventsPath)).toHaveLength(2);
    expect(google.server.events.get(calendarId)!.size).toBe(1);
  });

  it("stops on a 400 without retrying it", async () => {
    const { calendar, calendarId } = await connectedCalendar();
    const prefix = `/calendar/v3/calendars/${encodeURIComponent(calendarId)}`;
    google.server.failNext({ method: "POST", pathPrefix: prefix, status: 400 });
    const callsBefore = google.server.apiRequests().length;

    const attempt = pushSteps({ calendar, calendarId, steps: [makeStep({ id: randomUUID() })], timeZone: BERLIN });

    await expect(attempt).rejects.toMatchObject({ status: 400 });
    expect(google.server.apiRequests().length - callsBefore).toBe(1);
    expect(google.server.events.get(calendarId)?.size ?? 0).toBe(0);
  });
});

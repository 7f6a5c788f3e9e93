import { createHash } from "node:crypto";
import ICAL from "ical.js";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/calendar/[token]/route";
import { calendarFeeds, interviews, planSteps } from "../db/schema";
import { skipStep } from "../plan/step-actions";
import { createInterview, updateInterview } from "../interviews/mutations";
import { getInterview, listOpportunityChoices } from "../interviews/queries";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { loadFeedValidator } from "./feed-data";
import { rotateFeedToken } from "./feed-tokens";

setupTestDatabase();

function request(token: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost:3000/calendar/${token}`, { headers }), { params: Promise.resolve({ token }) });
}

async function userWithPlan() {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  // far enough ahead that the steps are pending whatever day the test runs
  await createInterview({ userId: user.id, now: new Date(), input: interviewInput({ startsAtLocal: "2031-03-04T15:00", decisionDate: "2031-03-20" }) });
  const token = await rotateFeedToken({ userId: user.id, now: new Date() });
  return { user, token };
}

function parseEvents(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
}

describe("calendar feed route", () => {
  it("serves the plan as text/calendar without a session cookie, with private headers", async () => {
    const { token } = await userWithPlan();
    const response = await request(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("private");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("x-robots-tag")).toContain("noindex");
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]{64}"$/);
    expect(response.headers.get("set-cookie")).toBeNull();
    const body = await response.text();
    expect(body).toContain("\r\n");
    const summaries = parseEvents(body).map((event) => event.summary);
    expect(summaries).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Thank Jane Doe (Acme Analytics)"),
        expect.stringContaining("Thank Omar Haddad (Acme Analytics)"),
        expect.stringContaining("Follow up with Jane Doe (Acme Analytics)"),
        "Interview: Data Engineer at Acme Analytics",
      ]),
    );
  });

  it("answers 304 to a matching If-None-Match, and 200 again after the plan changes", async () => {
    const { user, token } = await userWithPlan();
    const first = await request(token);
    const etag = first.headers.get("etag")!;
    const cached = await request(token, { "if-none-match": etag });
    expect(cached.status).toBe(304);
    expect(await cached.text()).toBe("");
    await createInterview({ userId: user.id, now: new Date(), input: interviewInput({ company: "Globex", startsAtLocal: "2031-03-05T10:00", decisionDate: "2031-03-20" }) });
    const changed = await request(token, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("answers 404 for an unknown, malformed or rotated token, revealing nothing", async () => {
    const { user, token } = await userWithPlan();
    for (const bad of ["not-a-token", "A".repeat(43), `${token.slice(0, 42)}x`]) {
      const response = await request(bad, { "x-forwarded-for": "10.0.0.1" });
      expect(response.status, bad).toBe(404);
      expect(await response.text()).toBe("Not found");
    }
    const rotated = await rotateFeedToken({ userId: user.id, now: new Date() });
    expect((await request(token, { "x-forwarded-for": "10.0.0.2" })).status).toBe(404);
    expect((await request(rotated)).status).toBe(200);
  });

  it("stores only the SHA-256 of the 256-bit token", async () => {
    const { user, token } = await userWithPlan();
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const [row] = await getDb().select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
    expect(row!.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("refuses a client that keeps trying bad tokens with 429", async () => {
    const headers = { "x-forwarded-for": "203.0.113.9" };
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await request(`bad-${i}`, headers)).status);
    expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await request("bad-other", { "x-forwarded-for": "203.0.113.10" })).status).toBe(404);
  });
});

describe("calendar feed validators", () => {
  it("changes the ETag when an interviewer is renamed, so the feed is not served stale", async () => {
    const { user, token } = await userWithPlan();
    const etag = (await request(token)).headers.get("etag")!;
    const [opportunity] = await listOpportunityChoices({ userId: user.id });
    const [row] = await getDb().select({ id: interviews.id }).from(interviews).where(eq(interviews.userId, user.id));
    const detail = await getInterview({ userId: user.id, interviewId: row!.id });
    await updateInterview({
      userId: user.id,
      interviewId: row!.id,
      now: new Date(),
      input: interviewInput({
        opportunityId: opportunity!.id,
        startsAtLocal: "2031-03-04T15:00",
        decisionDate: "2031-03-20",
        interviewers: detail.interviewers.map((person, index) => ({ id: person.id, name: index === 0 ? "Janet Doe" : person.name, email: person.email ?? "" })),
      }),
    });
    const after = await request(token, { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(parseEvents(await after.text()).map((event) => event.summary).join("\n")).toContain("Thank Janet Doe");
  });
});

describe("calendar feed Last-Modified", () => {
  it("moves forward when a step leaves the feed, so If-Modified-Since does not keep the removed event", async () => {
    const { user, token } = await userWithPlan();
    const first = await request(token);
    const lastModified = first.headers.get("last-modified")!;
    expect((await request(token, { "if-modified-since": lastModified })).status).toBe(304);
    const [step] = await getDb().select({ id: planSteps.id }).from(planSteps).where(and(eq(planSteps.userId, user.id), eq(planSteps.kind, "follow_up")));
    // a second later than anything the feed has shown (HTTP dates have whole seconds)
    await skipStep({ userId: user.id, stepId: step!.id, now: new Date(Date.parse(lastModified) + 2_000) });
    const after = await request(token, { "if-modified-since": lastModified });
    expect(after.status).toBe(200);
    expect(Date.parse(after.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(lastModified));
  });

  it("changes the ETag and Last-Modified when a done step ages out of its 30 days, with nothing else changing", async () => {
    const { user } = await userWithPlan();
    const doneAt = new Date("2026-10-01T09:00:00Z");
    const [step] = await getDb().select({ id: planSteps.id }).from(planSteps).where(and(eq(planSteps.userId, user.id), eq(planSteps.kind, "thank_you")));
    await getDb().update(planSteps).set({ status: "done", completedAt: doneAt, updatedAt: doneAt }).where(eq(planSteps.id, step!.id));
    const validate = (now: Date) => loadFeedValidator({ userId: user.id, appUrl: "http://localhost:3000", now, timeZone: "Europe/Berlin" });
    const listed = await validate(new Date("2026-10-30T09:00:00Z"));
    expect((await validate(new Date("2026-10-30T10:00:00Z"))).etag).toBe(listed.etag);
    const agedOut = await validate(new Date("2026-11-01T09:00:00Z"));
    expect(agedOut.etag).not.toBe(listed.etag);
    expect(agedOut.lastModified.getTime()).toBeGreaterThanOrEqual(new Date("2026-10-31T09:00:00Z").getTime());
  });
});

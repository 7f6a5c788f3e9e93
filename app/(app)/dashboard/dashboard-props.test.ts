import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planSteps, users } from "@/lib/db/schema";
import { createInterview } from "@/lib/interviews/mutations";
import { markStepDone } from "@/lib/plan/step-actions";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestUser, interviewInput } from "@/lib/test/factories";
import { loadDashboardData, type DashboardData } from "./dashboard-props";

setupTestDatabase();

// the factory's interview, logged Tue 17 Nov 2026 in Berlin: thank-yous due Wed 18 Nov 09:00, deadline 16:00
const LOGGED_AT = new Date("2026-11-17T16:30:00Z");
const WEDNESDAY_10 = new Date("2026-11-18T09:00:00Z");

async function loggedInterview() {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  await createInterview({ userId: user.id, input: interviewInput(), now: LOGGED_AT });
  return user.id;
}

// as the page passes it: from the session's row
async function request(userId: string, now: Date, overrides: { timeZone?: string; sendHour?: number } = {}) {
  const [row] = await getDb().select({ dataVersion: users.dataVersion }).from(users).where(eq(users.id, userId));
  return { userId, timeZone: "Europe/Berlin", sendHour: 9, now, dataVersion: row!.dataVersion, ...overrides };
}

function titles(data: DashboardData, groupId: string): string[] {
  return data.groups.find((group) => group.id === groupId)!.rows.map((row) => row.title);
}

describe('docs/architecture.md "The dashboard cache"', () => {
  it("serves the dashboard it made again while nothing it shows has changed", async () => {
    const userId = await loggedInterview();
    const first = await loadDashboardData(await request(userId, WEDNESDAY_10));
    const again = await loadDashboardData(await request(userId, new Date(WEDNESDAY_10.getTime() + 60_000)));
    expect(again).toBe(first);
    expect(titles(first, "today")).toEqual(["Send a thank-you to Jane Doe", "Send a thank-you to Omar Haddad"]);
  });

  it("reads afresh once anything it shows changed, in this process or any other", async () => {
    const userId = await loggedInterview();
    const first = await loadDashboardData(await request(userId, WEDNESDAY_10));
    const [jane] = await getDb().select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.userId, userId)).orderBy(planSteps.dueAt).limit(1);
    await markStepDone({ userId, stepId: jane!.id, now: WEDNESDAY_10 });
    const afterDone = await loadDashboardData(await request(userId, WEDNESDAY_10));
    expect(titles(afterDone, "today")).toHaveLength(1);
    expect(titles(first, "today")).toHaveLength(2);
    // a write the app's code never saw (another process, or by hand in SQL)
    await getDb().update(planSteps).set({ status: "skipped" }).where(eq(planSteps.userId, userId));
    const afterSql = await loadDashboardData(await request(userId, WEDNESDAY_10));
    expect(titles(afterSql, "today")).toEqual([]);
  });

  it("reads afresh when a pending deadline passes, and when a new day starts", async () => {
    const userId = await loggedInterview();
    await loadDashboardData(await request(userId, WEDNESDAY_10));
    // Wed 16:00 Berlin is the thank-yous' deadline: a minute after, they are overdue
    const pastDeadline = await loadDashboardData(await request(userId, new Date("2026-11-18T15:01:00Z")));
    expect(titles(pastDeadline, "overdue")).toEqual(["Send a thank-you to Jane Doe", "Send a thank-you to Omar Haddad"]);
    expect(titles(pastDeadline, "today")).toEqual([]);
    // Thu 00:00 Berlin: the snooze proposal moves to Friday
    const nextDay = await loadDashboardData(await request(userId, new Date("2026-11-18T23:00:00Z")));
    expect(nextDay.defaultSnoozeLocal).toBe("2026-11-20T09:00");
    expect(pastDeadline.defaultSnoozeLocal).toBe("2026-11-19T09:00");
  });

  it("is not served for another zone or send hour, nor for an earlier moment than it was made at", async () => {
    const userId = await loggedInterview();
    const berlin = await loadDashboardData(await request(userId, WEDNESDAY_10));
    const tokyo = await loadDashboardData(await request(userId, WEDNESDAY_10, { timeZone: "Asia/Tokyo" }));
    expect(tokyo.timeZoneLabel).toBe("Asia/Tokyo");
    const sevenAm = await loadDashboardData(await request(userId, WEDNESDAY_10, { sendHour: 7 }));
    expect(sevenAm.defaultSnoozeLocal).toBe("2026-11-19T07:00");
    const earlier = await loadDashboardData(await request(userId, new Date(WEDNESDAY_10.getTime() - 60_000)));
    expect(earlier).not.toBe(berlin);
  });

  it("keeps nothing when the caller has no data version", async () => {
    const userId = await loggedInterview();
    const unversioned = { ...(await request(userId, WEDNESDAY_10)), dataVersion: null };
    expect(await loadDashboardData(unversioned)).not.toBe(await loadDashboardData(unversioned));
  });
});

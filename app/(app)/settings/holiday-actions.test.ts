import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { planSteps } from "@/lib/db/schema";
import { createInterview } from "@/lib/interviews/mutations";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewInput } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { getHolidaySettings } from "@/lib/users/holiday-settings";
import { saveHolidaysAction } from "./holiday-actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

const NOW = new Date("2026-12-03T10:00:00Z");

const save = (values: Record<string, string>) => captureNavigation(() => saveHolidaysAction(INITIAL_ACTION_STATE, formData(values)));

// Berlin; they said they'd decide by Thu 24 Dec 2026, so the first follow-up is
// the next business day: Fri 25 Dec without holidays, Mon 28 Dec with Germany's.
async function userWithChristmasFollowUp() {
  const user = await createTestUser();
  signInAs(await createTestSession(user.id));
  const { interviewId } = await createInterview({
    userId: user.id,
    input: interviewInput({ startsAtLocal: "2026-12-10T15:00", decisionKind: "date", decisionDate: "2026-12-24" }),
    now: NOW,
  });
  return { user, interviewId };
}

async function readFollowUp(interviewId: string) {
  const [row] = await getDb()
    .select()
    .from(planSteps)
    .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.key, "follow_up:1")));
  return row!;
}

describe('docs/rules.md "Public holidays": changing the country re-plans pending steps', () => {
  it("a new user has no country (None); saving Germany moves the Christmas Day follow-up to Mon 28 Dec with the reason, and None moves it back", async () => {
    const { user, interviewId } = await userWithChristmasFollowUp();
    expect(await getHolidaySettings({ userId: user.id })).toEqual({ holidayCountry: null, holidayRegion: null, isChosen: false });
    const before = await readFollowUp(interviewId);
    expect(before.dueAt.toISOString()).toBe("2026-12-25T08:00:00.000Z");

    const saved = await save({ holidayCountry: "DE", holidayRegion: "" });
    expect(saved.result).toMatchObject({ status: "success" });
    expect(await getHolidaySettings({ userId: user.id })).toEqual({ holidayCountry: "DE", holidayRegion: null, isChosen: true });
    const moved = await readFollowUp(interviewId);
    expect(moved.dueAt.toISOString()).toBe("2026-12-28T08:00:00.000Z");
    expect(moved.reason).toContain("Fri 25 Dec is Christmas Day, so Mon 28 Dec.");
    expect(moved.version).toBe(before.version + 1);
    // the dashboard shows the moved dates
    expect(takeRevalidatedPaths()).toEqual(["/settings", "/dashboard"]);

    await save({ holidayCountry: "" });
    // "None" chosen is remembered, so the page stops suggesting the browser's country
    expect(await getHolidaySettings({ userId: user.id })).toEqual({ holidayCountry: null, holidayRegion: null, isChosen: true });
    expect((await readFollowUp(interviewId)).dueAt.toISOString()).toBe("2026-12-25T08:00:00.000Z");
  });

  it("a done step stays where it was when the country changes", async () => {
    const { interviewId } = await userWithChristmasFollowUp();
    await getDb()
      .update(planSteps)
      .set({ status: "done", completedAt: NOW })
      .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.key, "follow_up:1")));
    await save({ holidayCountry: "DE" });
    const done = await readFollowUp(interviewId);
    expect(done.status).toBe("done");
    expect(done.dueAt.toISOString()).toBe("2026-12-25T08:00:00.000Z");
  });

  it("saves a state: Bavaria", async () => {
    const { user } = await userWithChristmasFollowUp();
    await save({ holidayCountry: "DE", holidayRegion: "BY" });
    expect(await getHolidaySettings({ userId: user.id })).toEqual({ holidayCountry: "DE", holidayRegion: "BY", isChosen: true });
  });

  it.each([
    ["an unknown country", { holidayCountry: "XX" }, "holidayCountry"],
    ["a region without a country", { holidayCountry: "", holidayRegion: "BY" }, "holidayRegion"],
    ["a region of another country (Bavaria in the US)", { holidayCountry: "US", holidayRegion: "BY" }, "holidayRegion"],
  ])("refuses %s next to the field and changes nothing", async (_case, values, field) => {
    const { user, interviewId } = await userWithChristmasFollowUp();
    const before = await readFollowUp(interviewId);
    const { result } = await save(values);
    expect(result).toMatchObject({ status: "error", fieldErrors: { [field]: [expect.stringContaining("Choose")] } });
    expect(await getHolidaySettings({ userId: user.id })).toEqual({ holidayCountry: null, holidayRegion: null, isChosen: false });
    expect(await readFollowUp(interviewId)).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });
});

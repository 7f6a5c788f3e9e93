import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { createHolidayCalendar, isHolidayRegion, listHolidayRegions } from "./holidays";
import { ANNA, findStep, localTime, makeInput, toLocalIso } from "@/lib/test/plan-fixtures";
import type { PlanInput } from "./types";

const NEW_YORK = "America/New_York";
const LONDON = "Europe/London";
const BERLIN = "Europe/Berlin";
const KOLKATA = "Asia/Kolkata";

type Place = { country: string | null; region?: string | null; timeZone: string };

// One interview at a local start time, planned with the place's holidays; send hour 09:00.
function planIn(place: Place, start: string, overrides: { interview?: Partial<PlanInput["interview"]>; opportunity?: Partial<PlanInput["opportunity"]> } = {}) {
  const input = makeInput({
    timeZone: place.timeZone,
    opportunity: overrides.opportunity,
    interview: { startsAt: localTime(start, place.timeZone), ...overrides.interview },
  });
  return buildPlan({ ...input, holidayOn: createHolidayCalendar({ country: place.country, region: place.region ?? null }) });
}

const US: Place = { country: "US", timeZone: NEW_YORK };
const UK: Place = { country: "GB", region: "ENG", timeZone: LONDON };
const INDIA: Place = { country: "IN", timeZone: KOLKATA };

describe('docs/rules.md "Public holidays": follow-ups skip public holidays the way they skip weekends, and the reason says why', () => {
  it("moves a follow-up that lands on Christmas Day (Fri 25 Dec 2026, US) to Mon 28 Dec, naming the holiday", () => {
    const step = findStep(planIn(US, "2026-12-11T14:00"), "follow_up:1");
    expect(toLocalIso(step.dueAt, NEW_YORK)).toBe("2026-12-28T09:00:00.000-05:00");
    expect(step.reason).toBe("No decision date given: 14 days after the interview. Fri 25 Dec is Christmas Day, so Mon 28 Dec.");
  });

  it("US Thanksgiving (Thu 26 Nov 2026): the follow-up moves to Fri 27 Nov, since the day after is an observance, not a public holiday", () => {
    const step = findStep(planIn(US, "2026-11-12T14:00"), "follow_up:1");
    expect(toLocalIso(step.dueAt, NEW_YORK)).toBe("2026-11-27T09:00:00.000-05:00");
    expect(step.reason).toContain("Thu 26 Nov is Thanksgiving Day, so Fri 27 Nov.");
  });

  it("US July 4th on a Saturday is observed on Fri 3 Jul 2026: the first business day after a Thu 2 Jul decision is Mon 6 Jul", () => {
    const step = findStep(planIn(US, "2026-06-18T14:00", { interview: { decisionDate: "2026-07-02" } }), "follow_up:1");
    expect(toLocalIso(step.dueAt, NEW_YORK)).toBe("2026-07-06T09:00:00.000-04:00");
    expect(step.reason).toBe(
      "They said they'd decide by Thu 2 Jul; first business day after. Fri 3 Jul is Independence Day (substitute day), so Mon 6 Jul.",
    );
  });

  it('a user with no country ("None") keeps the weekend-only plan: Fri 3 Jul stays', () => {
    const step = findStep(planIn({ country: null, timeZone: NEW_YORK }, "2026-06-18T14:00", { interview: { decisionDate: "2026-07-02" } }), "follow_up:1");
    expect(toLocalIso(step.dueAt, NEW_YORK)).toBe("2026-07-03T09:00:00.000-04:00");
    expect(step.reason).toBe("They said they'd decide by Thu 2 Jul; first business day after.");
  });

  it("UK: Christmas Day on a Friday, Boxing Day on the Saturday and its substitute on Monday 28 Dec 2026 move the follow-up to Tue 29 Dec", () => {
    const step = findStep(planIn(UK, "2026-12-10T14:00", { interview: { decisionDate: "2026-12-24" } }), "follow_up:1");
    expect(toLocalIso(step.dueAt, LONDON)).toBe("2026-12-29T09:00:00.000+00:00");
    expect(step.reason).toContain("Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (substitute day), so Tue 29 Dec.");
  });

  it("Germany, a state holiday: Epiphany (Tue 6 Jan 2026) moves a Bavarian follow-up to Wed 7 Jan; in Berlin and without a state it stays", () => {
    const bavaria = findStep(planIn({ country: "DE", region: "BY", timeZone: BERLIN }, "2025-12-23T10:00"), "follow_up:1");
    expect(toLocalIso(bavaria.dueAt, BERLIN)).toBe("2026-01-07T09:00:00.000+01:00");
    expect(bavaria.reason).toContain("Tue 6 Jan is Epiphany, so Wed 7 Jan.");
    for (const region of ["BE", null]) {
      const elsewhere = findStep(planIn({ country: "DE", region, timeZone: BERLIN }, "2025-12-23T10:00"), "follow_up:1");
      expect(toLocalIso(elsewhere.dueAt, BERLIN)).toBe("2026-01-06T09:00:00.000+01:00");
    }
  });

  it("Germany: Reformation Day (Fri 31 Oct 2025) in Saxony moves the follow-up past the weekend to Mon 3 Nov; Bavaria works that day", () => {
    const saxony = findStep(planIn({ country: "DE", region: "SN", timeZone: BERLIN }, "2025-10-17T10:00"), "follow_up:1");
    expect(toLocalIso(saxony.dueAt, BERLIN)).toBe("2025-11-03T09:00:00.000+01:00");
    expect(saxony.reason).toContain("Fri 31 Oct is Reformation Day, so Mon 3 Nov.");
    const bavaria = findStep(planIn({ country: "DE", region: "BY", timeZone: BERLIN }, "2025-10-17T10:00"), "follow_up:1");
    expect(toLocalIso(bavaria.dueAt, BERLIN)).toBe("2025-10-31T09:00:00.000+01:00");
  });

  it("India: a follow-up due Sat 24 Jan 2026 passes the weekend and Republic Day (Mon 26 Jan) to Tue 27 Jan", () => {
    const step = findStep(planIn(INDIA, "2026-01-10T11:00"), "follow_up:1");
    expect(toLocalIso(step.dueAt, KOLKATA)).toBe("2026-01-27T09:00:00.000+05:30");
    expect(step.reason).toBe("No decision date given: 14 days after the interview. After the weekend, Mon 26 Jan is Republic Day, so Tue 27 Jan.");
  });

  it("India: Independence Day on a Saturday (15 Aug 2026) changes nothing beyond the weekend move, so the reason names only the weekend", () => {
    const step = findStep(planIn(INDIA, "2026-08-01T11:00"), "follow_up:1");
    expect(toLocalIso(step.dueAt, KOLKATA)).toBe("2026-08-17T09:00:00.000+05:30");
    expect(step.reason).toBe("No decision date given: 14 days after the interview. The weekend moves it to Monday.");
  });

  it("an invited call with no time suggested takes the moved first follow-up's date: Mon 28 Dec 2026 at 10:00 (US), not Christmas Day", () => {
    const call = findStep(planIn(US, "2026-12-11T14:00", { interview: { callInvited: true } }), "call");
    expect(toLocalIso(call.dueAt, NEW_YORK)).toBe("2026-12-28T10:00:00.000-05:00");
    expect(call.reason).toContain("Fri 25 Dec is Christmas Day, so Mon 28 Dec.");
  });

  it("the second follow-up skips holidays too: a week after Fri 18 Dec 2026 (UK) is Fri 25 Dec, so Tue 29 Dec", () => {
    const plan = planIn(UK, "2026-11-20T14:00", { interview: { decisionDate: "2026-12-17" } });
    expect(toLocalIso(findStep(plan, "follow_up:1").dueAt, LONDON)).toBe("2026-12-18T09:00:00.000+00:00");
    const second = findStep(plan, "follow_up:2");
    expect(toLocalIso(second.dueAt, LONDON)).toBe("2026-12-29T09:00:00.000+00:00");
    expect(second.reason).toContain("Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (substitute day), so Tue 29 Dec.");
  });
});

describe('docs/rules.md "Public holidays": letters are mailed on working days', () => {
  const FORMAL = { companyStyle: "formal" as const };

  it("UK: an interview ending Thu 24 Dec 2026 at 19:00 has its letter mailed Tue 29 Dec, after Christmas and the Boxing Day substitute", () => {
    const letter = findStep(planIn(UK, "2026-12-24T18:00", { opportunity: FORMAL }), `letter:${ANNA.id}`);
    expect(toLocalIso(letter.dueAt, LONDON)).toBe("2026-12-29T09:00:00.000+00:00");
    expect(letter.reason).toBe(
      "Formal company: a signed letter takes days to arrive, so it is mailed the day of the interview; it ended in the evening, so the next business day. Fri 25 Dec is Christmas Day and Mon 28 Dec is Boxing Day (substitute day), so Tue 29 Dec.",
    );
  });

  it("India: an interview on Independence Day (Fri 15 Aug 2025) has its letter mailed Mon 18 Aug, when post offices open", () => {
    const letter = findStep(planIn(INDIA, "2025-08-15T11:00", { opportunity: FORMAL }), `letter:${ANNA.id}`);
    expect(toLocalIso(letter.dueAt, KOLKATA)).toBe("2025-08-18T09:00:00.000+05:30");
    expect(letter.reason).toBe(
      "Formal company: a signed letter takes days to arrive, so it is mailed the day of the interview. Fri 15 Aug is Independence Day, so Mon 18 Aug.",
    );
  });
});

describe('docs/rules.md "Public holidays": the thank-you prefers a working day, but the 24-hour deadline still wins', () => {
  it("US: an interview ending Wed 25 Nov 2026 at 15:00 is thanked that evening, since the next morning is Thanksgiving", () => {
    const thankYou = findStep(planIn(US, "2026-11-25T14:00"), `thank_you:${ANNA.id}`);
    expect(toLocalIso(thankYou.dueAt, NEW_YORK)).toBe("2026-11-25T17:00:00.000-05:00");
    expect(thankYou.reason).toBe(
      "Same evening: the next morning (Thu 26 Nov) is Thanksgiving Day and a working-day morning would be past the 24-hour deadline (deadline Thu 26 Nov, 15:00).",
    );
  });

  it("US: an interview ending Thu 2 Jul 2026 at 23:30 is thanked on the holiday morning (Fri 3 Jul 09:00): the deadline wins over the holiday", () => {
    const thankYou = findStep(planIn(US, "2026-07-02T22:30"), `thank_you:${ANNA.id}`);
    expect(toLocalIso(thankYou.dueAt, NEW_YORK)).toBe("2026-07-03T09:00:00.000-04:00");
    expect(thankYou.dueAt.getTime()).toBeLessThanOrEqual((thankYou.deadlineAt as Date).getTime());
    expect(thankYou.reason).toBe(
      "Next morning: Fri 3 Jul is Independence Day (substitute day), but no working-day time fits before the 24-hour deadline (deadline Fri 3 Jul, 23:30).",
    );
  });

  it("India: a Sunday interview ending 15:00 before Republic Day (Mon 26 Jan 2026) is still thanked Monday 09:00, within 24 hours", () => {
    const thankYou = findStep(planIn(INDIA, "2026-01-25T14:00"), `thank_you:${ANNA.id}`);
    expect(toLocalIso(thankYou.dueAt, KOLKATA)).toBe("2026-01-26T09:00:00.000+05:30");
    expect(thankYou.reason).toContain("Mon 26 Jan is Republic Day, but no working-day time fits");
  });
});

describe('docs/rules.md "Public holidays": which days count', () => {
  it('counts only "public" holidays: Germany\'s Christmas Eve (a bank holiday from 14:00) and the US day after Thanksgiving are working days', () => {
    const germany = createHolidayCalendar({ country: "DE", region: null });
    expect(germany("2026-12-24")).toBeNull();
    expect(germany("2026-12-25")).toBe("Christmas Day");
    const us = createHolidayCalendar({ country: "US", region: null });
    expect(us("2026-11-26")).toBe("Thanksgiving Day");
    expect(us("2026-11-27")).toBeNull();
  });

  it('"None" (no country) has no holidays; a region the country does not have falls back to the national ones', () => {
    expect(createHolidayCalendar({ country: null, region: null })("2026-12-25")).toBeNull();
    expect(isHolidayRegion("DE", "ZZ")).toBe(false);
    const fallback = createHolidayCalendar({ country: "DE", region: "ZZ" });
    expect(fallback("2026-01-06")).toBeNull();
    expect(fallback("2026-12-25")).toBe("Christmas Day");
  });

  it("builds each place's calendar once and reuses it (building one parses the country's rules)", () => {
    expect(createHolidayCalendar({ country: "IN", region: null })).toBe(createHolidayCalendar({ country: "IN", region: null }));
    expect(createHolidayCalendar({ country: "DE", region: "BY" })).not.toBe(createHolidayCalendar({ country: "DE", region: null }));
  });

  it("lists a country's states, and none for a country without regional holidays", () => {
    expect(listHolidayRegions("DE").map((region) => region.code)).toContain("BY");
    expect(listHolidayRegions("GB").map((region) => region.code)).toEqual(expect.arrayContaining(["ENG", "SCT", "WLS", "NIR"]));
    expect(listHolidayRegions("IS")).toEqual([]);
  });
});

describe('docs/rules.md "Outcomes" with "Public holidays": the gracious reply waits for a working day', () => {
  it("UK: turned down on Thu 24 Dec 2026, the optional reply is proposed Tue 29 Dec", () => {
    const plan = planIn(UK, "2026-12-10T14:00", {
      opportunity: { status: "rejected", statusChangedAt: localTime("2026-12-24T11:00", LONDON) },
    });
    expect(toLocalIso(findStep(plan, "gracious_reply").dueAt, LONDON)).toBe("2026-12-29T09:00:00.000+00:00");
  });
});

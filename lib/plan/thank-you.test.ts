import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { ANNA, BEN, findStep, localTime, makeInput, toLocalIso } from "@/lib/test/plan-fixtures";

// Berlin, send hour 09:00. 11 Nov 2025 is a Tuesday, 14 Nov a Friday.
function planThankYou(start: string, durationMinutes: number, sendHour = 9) {
  const plan = buildPlan(
    makeInput({ interview: { startsAt: localTime(start), durationMinutes }, preferences: { sendHour } }),
  );
  return findStep(plan, `thank_you:${ANNA.id}`);
}

describe('docs/rules.md "The thank-you": one message per interviewer, addressed by name. Not one email CC\'d to all.', () => {
  it("plans a separate thank-you step for each interviewer, never one for all", () => {
    const plan = buildPlan(makeInput({ interviewers: [ANNA, BEN] }));
    const thankYous = plan.steps.filter((step) => step.kind === "thank_you");
    expect(thankYous.map((step) => [step.key, step.interviewerId])).toEqual([
      ["thank_you:i-anna", "i-anna"],
      ["thank_you:i-ben", "i-ben"],
    ]);
    expect(thankYous.every((step) => step.status === "pending")).toBe(true);
  });

  it.each([
    ["phone_screen", "short"],
    ["video", "detailed"],
    ["onsite", "detailed"],
    ["panel", "detailed"],
    ["final", "detailed"],
  ] as const)('"Phone screen: keep it quick and simple" — %s gets the %s variant', (stage, variant) => {
    const plan = buildPlan(makeInput({ interview: { stage } }));
    expect(findStep(plan, "thank_you:i-anna").variant).toBe(variant);
  });
});

describe('docs/rules.md "The thank-you": "Deadline: within 24 hours of the interview"', () => {
  it("sets the deadline to the interview end plus 24 hours", () => {
    const step = planThankYou("2025-11-11T14:00", 90);
    expect(toLocalIso(step.deadlineAt as Date)).toBe("2025-11-12T15:30:00.000+01:00");
  });

  it("counts real hours across a DST change: ending Sat 25 Oct 09:00, Sun 09:00 is 25 h later (clocks go back), so the same evening", () => {
    const step = planThankYou("2025-10-25T08:00", 60);
    expect(toLocalIso(step.deadlineAt as Date)).toBe("2025-10-26T08:00:00.000+01:00");
    expect(toLocalIso(step.dueAt)).toBe("2025-10-25T17:00:00.000+02:00");
  });
});

describe('docs/rules.md "The thank-you": "never past the 24-hour deadline; never at night; on a weekday if possible; the next morning at the send hour if possible, otherwise the same evening"', () => {
  it.each([
    ["a Tuesday 15:00 interview gets Wednesday 09:00 (the ideal next morning)", "2025-11-11T14:00", 60, "2025-11-12T09:00:00.000+01:00"],
    ["an interview ending at 08:30 gets the same evening 17:00 (the next morning 09:00 is 24.5 h later, past the deadline)", "2025-11-11T07:30", 60, "2025-11-11T17:00:00.000+01:00"],
    ["a Friday afternoon interview gets the same evening (Saturday is a weekend, Monday is past 24 h; weekday ranks above next morning)", "2025-11-14T14:00", 60, "2025-11-14T17:00:00.000+01:00"],
    ["a Friday 23:30 one gets Saturday 09:00 (the only non-night slot within 24 h: the deadline wins over the weekend)", "2025-11-14T22:30", 60, "2025-11-15T09:00:00.000+01:00"],
    ["a Friday interview ending 19:00 gets that very moment (same evening on a weekday beats a Saturday morning)", "2025-11-14T18:00", 60, "2025-11-14T19:00:00.000+01:00"],
    ["a Tuesday interview ending 19:00 still gets Wednesday 09:00 (both weekdays, so the next morning wins)", "2025-11-11T18:00", 60, "2025-11-12T09:00:00.000+01:00"],
    ["a Saturday 15:00 end gets Sunday 09:00 (no weekday slot within 24 h, so the next morning)", "2025-11-15T14:00", 60, "2025-11-16T09:00:00.000+01:00"],
    ["a Sunday 08:00 end gets Sunday 17:00 (Monday 09:00 is 25 h later)", "2025-11-16T07:00", 60, "2025-11-16T17:00:00.000+01:00"],
    ["a Sunday 15:00 end gets Monday 09:00 (weekday and next morning agree)", "2025-11-16T14:00", 60, "2025-11-17T09:00:00.000+01:00"],
    ["an interview ending 00:30 after midnight gets that morning 09:00 (the next morning of a night is the same date)", "2025-11-11T23:30", 60, "2025-11-12T09:00:00.000+01:00"],
  ])("%s", (_rule, start, duration, expected) => {
    const step = planThankYou(start, duration);
    expect(toLocalIso(step.dueAt)).toBe(expected);
    expect(step.dueAt.getTime()).toBeLessThanOrEqual((step.deadlineAt as Date).getTime());
  });

  it("never proposes a night time even when the send hour is at night: 23:00 falls back to the same evening", () => {
    expect(toLocalIso(planThankYou("2025-11-11T14:00", 60, 23).dueAt)).toBe("2025-11-11T17:00:00.000+01:00");
  });

  it("falls back to the first daytime (07:00) when neither the morning (night send hour) nor the evening (already night) works", () => {
    const step = planThankYou("2025-11-14T22:30", 60, 23);
    expect(toLocalIso(step.dueAt)).toBe("2025-11-15T07:00:00.000+01:00");
    expect(step.reason).toContain("not at night");
  });

  it("explains the choice in the reason, with dates in the user's zone", () => {
    expect(planThankYou("2025-11-11T14:00", 60).reason).toBe(
      "Next morning, the ideal time; within 24 hours of the interview (deadline Wed 12 Nov, 15:00).",
    );
    expect(planThankYou("2025-11-11T07:30", 60).reason).toBe(
      "Same evening: the next morning (Wed 12 Nov, 09:00) would be past the 24-hour deadline (deadline Wed 12 Nov, 08:30).",
    );
    expect(planThankYou("2025-11-14T14:00", 60).reason).toContain("is a weekend day");
  });
});

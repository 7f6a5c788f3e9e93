import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { ANNA, BEN, findStep, localTime, makeInput, toLocalIso } from "@/lib/test/plan-fixtures";
import type { PlanInput } from "./types";

function planLetters(interview: Partial<PlanInput["interview"]> = {}, companyStyle: "formal" | "casual" | "unknown" = "formal") {
  const plan = buildPlan(makeInput({ opportunity: { companyStyle }, interview, interviewers: [ANNA, BEN] }));
  return plan.steps.filter((step) => step.kind === "letter");
}

describe('docs/rules.md "Channel": "Traditional, formal company: also a mailed, signed letter"', () => {
  it.each(["casual", "unknown"] as const)("plans no letter when the company style is %s (email is the default everywhere)", (style) => {
    expect(planLetters({}, style)).toEqual([]);
  });

  it("plans one letter per interviewer for a formal company, asking for a missing postal address", () => {
    const letters = planLetters();
    expect(letters.map((step) => [step.key, step.interviewerId, step.status])).toEqual([
      ["letter:i-anna", "i-anna", "pending"],
      ["letter:i-ben", "i-ben", "pending"],
    ]);
    expect(letters[0]?.reason).not.toContain("postal address");
    expect(letters[1]?.reason).toContain("Needs Ben Okafor's postal address.");
  });
});

describe('docs/rules.md "Channel": "Short decision timeline (a week or less): email only"', () => {
  it.each([
    { label: "within 7 days", interview: { decisionWithinDays: 7 }, count: 0, outcome: "email only" },
    { label: "within 3 days", interview: { decisionWithinDays: 3 }, count: 0, outcome: "email only" },
    { label: "within 8 days", interview: { decisionWithinDays: 8 }, count: 2, outcome: "a letter each" },
    { label: "by a date 7 days after the interview", interview: { decisionDate: "2025-11-18" }, count: 0, outcome: "email only" },
    { label: "by a date 8 days after the interview", interview: { decisionDate: "2025-11-19" }, count: 2, outcome: "a letter each" },
    { label: "not stated", interview: {}, count: 2, outcome: "a letter each" },
  ])("decision $label -> $outcome", ({ interview, count }) => {
    expect(planLetters(interview)).toHaveLength(count);
  });
});

describe('docs/rules.md "Channel": "mailed the same day as the interview"; "Follow-ups and letters land on business days"', () => {
  it.each([
    ["a Tuesday interview ending 15:00 is mailed right after it", "2025-11-11T14:00", "2025-11-11T15:00:00.000+01:00"],
    ["a Tuesday interview ending 18:00 (evening, post is closed) moves to Wednesday 09:00", "2025-11-11T17:00", "2025-11-12T09:00:00.000+01:00"],
    ["a Friday interview ending 18:00 moves to the next business day, Monday 09:00", "2025-11-14T17:00", "2025-11-17T09:00:00.000+01:00"],
    ["a Saturday interview moves to Monday 09:00 (weekend)", "2025-11-15T10:00", "2025-11-17T09:00:00.000+01:00"],
  ])("%s", (_rule, start, expected) => {
    const letter = findStep(
      buildPlan(makeInput({ opportunity: { companyStyle: "formal" }, interview: { startsAt: localTime(start) } })),
      "letter:i-anna",
    );
    expect(toLocalIso(letter.dueAt)).toBe(expected);
  });
});

import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { BERLIN, listFollowUps, localTime, makeInput } from "@/lib/test/plan-fixtures";
import type { PlanInput } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

// One interview per weekday of the week of Mon 10 Nov 2025, so weekend moves are exercised.
const STARTS = ["10", "11", "12", "13", "14", "15", "16"].map((day) => {
  const startsAt = localTime(`2025-11-${day}T14:00`);
  return { weekday: DateTime.fromJSDate(startsAt, { zone: BERLIN }).toFormat("cccc"), startsAt };
});

function listGaps(input: PlanInput): number[] {
  const dues = listFollowUps(buildPlan(input)).map((step) => step.dueAt.getTime());
  return dues.slice(1).map((due, index) => due - (dues[index] as number));
}

describe('docs/rules.md "Channel": "Never plan: showing up in person; phoning without an invitation; daily messages"', () => {
  it.each(STARTS)("standard pace: no two follow-ups of one interview are due within 24 h (interview on a $weekday)", ({ startsAt }) => {
    const variants: Partial<PlanInput["interview"]>[] = [
      {},
      { decisionWithinDays: 3 },
      { decisionDate: "2025-11-22" },
      { callInvited: true },
    ];
    for (const interview of variants) {
      const gaps = listGaps(
        makeInput({ interview: { startsAt, ...interview }, opportunity: { allowExtraFollowUps: true, followUpCap: 4 } }),
      );
      expect(gaps).toHaveLength(3);
      for (const gap of gaps) expect(gap).toBeGreaterThan(DAY_MS);
    }
  });

  it.each(STARTS)("fast pace: follow-ups are never daily, at least two days apart (interview on a $weekday)", ({ startsAt }) => {
    const gaps = listGaps(makeInput({ interview: { startsAt }, opportunity: { pace: "fast", followUpCap: 6 } }));
    expect(gaps).toHaveLength(5);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(2 * DAY_MS);
  });

  it("plans only message, call and reminder steps: nothing in person", () => {
    const plan = buildPlan(makeInput({ opportunity: { companyStyle: "formal", status: "rejected" } }));
    const kinds = new Set(plan.steps.map((step) => step.kind));
    expect([...kinds].sort()).toEqual(["follow_up", "gracious_reply", "letter", "move_on", "thank_you"]);
  });
});

import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { ANNA, BEN, findStep, listFollowUps, listKeys, localTime, makeInput, toLocalIso } from "@/lib/test/plan-fixtures";

// Berlin, send hour 09:00; the interview is Tue 11 Nov 2025, 14:00-15:00.

describe('docs/rules.md "Follow-ups": "First follow-up: after the stated decision date has passed (next business day). No date stated: 14 days after the interview"', () => {
  it.each([
    ["decide by Fri 14 Nov -> Monday 17 Nov 09:00", { decisionDate: "2025-11-14" }, {}, "2025-11-17T09:00:00.000+01:00"],
    ["decide by Wed 19 Nov -> Thursday 20 Nov 09:00", { decisionDate: "2025-11-19" }, {}, "2025-11-20T09:00:00.000+01:00"],
    ["within 10 days (Fri 21 Nov) -> Monday 24 Nov 09:00", { decisionWithinDays: 10 }, {}, "2025-11-24T09:00:00.000+01:00"],
    ["a date wins over 'within N days'", { decisionDate: "2025-11-19", decisionWithinDays: 10 }, {}, "2025-11-20T09:00:00.000+01:00"],
    ["no date: 14 days after (Tue 25 Nov 09:00)", {}, {}, "2025-11-25T09:00:00.000+01:00"],
    ["no date, the user's default of 10 days (Fri 21 Nov)", {}, { followUpDefaultDays: 10 }, "2025-11-21T09:00:00.000+01:00"],
    ["no date, 11 days lands on Saturday -> Monday 24 Nov", {}, { followUpDefaultDays: 11 }, "2025-11-24T09:00:00.000+01:00"],
  ])("%s", (_label, interview, preferences, expected) => {
    const plan = buildPlan(makeInput({ interview, preferences }));
    const first = findStep(plan, "follow_up:1");
    expect(toLocalIso(first.dueAt)).toBe(expected);
    expect([first.sequence, first.interviewerId, first.status]).toEqual([1, "i-anna", "pending"]);
  });

  it("says why in the user's words", () => {
    const plan = buildPlan(makeInput({ interview: { decisionDate: "2025-11-14" } }));
    expect(findStep(plan, "follow_up:1").reason).toBe("They said they'd decide by Fri 14 Nov; first business day after.");
  });
});

describe('docs/rules.md "Follow-ups": "Second follow-up: about a week after the first. Never more than two."', () => {
  const decided = { decisionDate: "2025-11-14" }; // first follow-up Mon 17 Nov

  it("plans the second a week after the first's due time, on a business day at the send hour", () => {
    const plan = buildPlan(makeInput({ interview: decided }));
    expect(toLocalIso(findStep(plan, "follow_up:2").dueAt)).toBe("2025-11-24T09:00:00.000+01:00");
  });

  it("counts the week from when the first was actually sent", () => {
    const history = { steps: { "follow_up:1": { status: "done" as const, at: localTime("2025-11-19T11:20") } } };
    const plan = buildPlan(makeInput({ interview: decided, history }));
    expect(findStep(plan, "follow_up:1").status).toBe("done");
    expect(toLocalIso(findStep(plan, "follow_up:2").dueAt)).toBe("2025-11-26T09:00:00.000+01:00");
  });

  it("moves the second to Monday when a week after a Saturday send lands on the weekend", () => {
    const history = { steps: { "follow_up:1": { status: "done" as const, at: localTime("2025-11-22T10:00") } } };
    const plan = buildPlan(makeInput({ interview: decided, history }));
    expect(toLocalIso(findStep(plan, "follow_up:2").dueAt)).toBe("2025-12-01T09:00:00.000+01:00");
  });

  it("plans exactly two follow-ups, even when a cap is set without the explicit override", () => {
    const plan = buildPlan(makeInput({ opportunity: { followUpCap: 5 } }));
    expect(listKeys(plan)).toEqual(["thank_you:i-anna", "follow_up:1", "follow_up:2", "move_on"]);
    expect(listFollowUps(plan).some((step) => step.requiresOverride)).toBe(false);
  });

  it("plans a third and fourth only with allowExtraFollowUps, each flagged requiresOverride", () => {
    const plan = buildPlan(
      makeInput({ interview: decided, opportunity: { allowExtraFollowUps: true, followUpCap: 4 } }),
    );
    expect(
      listFollowUps(plan).map((step) => [step.key, toLocalIso(step.dueAt), step.requiresOverride ?? false]),
    ).toEqual([
      ["follow_up:1", "2025-11-17T09:00:00.000+01:00", false],
      ["follow_up:2", "2025-11-24T09:00:00.000+01:00", false],
      ["follow_up:3", "2025-12-01T09:00:00.000+01:00", true],
      ["follow_up:4", "2025-12-08T09:00:00.000+01:00", true],
    ]);
  });
});

describe('docs/rules.md "Follow-ups": "After that the plan\'s last step is \'move on\'"', () => {
  it("plans move_on a week after the last follow-up's due time, as the last step", () => {
    const plan = buildPlan(makeInput({ interview: { decisionDate: "2025-11-14" } }));
    const moveOn = findStep(plan, "move_on");
    expect(plan.steps.at(-1)).toBe(moveOn);
    expect(toLocalIso(moveOn.dueAt)).toBe("2025-12-01T09:00:00.000+01:00");
    expect(moveOn.reason).toContain("keep the search going");
  });

  it("counts from when the last follow-up was actually sent", () => {
    const history = { steps: { "follow_up:2": { status: "done" as const, at: localTime("2025-11-25T16:00") } } };
    const plan = buildPlan(makeInput({ interview: { decisionDate: "2025-11-14" }, history }));
    expect(toLocalIso(findStep(plan, "move_on").dueAt)).toBe("2025-12-02T09:00:00.000+01:00");
  });
});

describe('docs/rules.md "Follow-ups": "A call only when invited: the call step then takes the place of the first follow-up email ... and is never repeated"', () => {
  it.each([
    ["standard pace", { pace: "standard" as const }],
    ["fast pace", { pace: "fast" as const }],
    ["extra follow-ups allowed", { allowExtraFollowUps: true, followUpCap: 5 }],
  ])("plans no call step without an invitation (%s)", (_label, opportunity) => {
    const plan = buildPlan(makeInput({ opportunity, interview: { callSuggestedAt: localTime("2025-11-20T15:00") } }));
    expect(plan.steps.some((step) => step.kind === "call")).toBe(false);
  });

  it("puts the call at the suggested time instead of follow_up:1; the second follows a week after the call", () => {
    const interview = { callInvited: true, callSuggestedAt: localTime("2025-11-20T15:00"), decisionDate: "2025-11-14" };
    const plan = buildPlan(makeInput({ interview }));
    expect(listKeys(plan)).toEqual(["thank_you:i-anna", "call", "follow_up:2", "move_on"]);
    const call = findStep(plan, "call");
    expect([toLocalIso(call.dueAt), call.sequence, call.interviewerId]).toEqual([
      "2025-11-20T15:00:00.000+01:00",
      1,
      "i-anna",
    ]);
    expect(toLocalIso(findStep(plan, "follow_up:2").dueAt)).toBe("2025-11-27T09:00:00.000+01:00");
  });

  it("defaults the call to the first follow-up's date at 10:00 local", () => {
    const plan = buildPlan(makeInput({ interview: { callInvited: true, decisionDate: "2025-11-14" } }));
    expect(toLocalIso(findStep(plan, "call").dueAt)).toBe("2025-11-17T10:00:00.000+01:00");
    expect(plan.steps.filter((step) => step.kind === "call")).toHaveLength(1);
  });

  it("never repeats the call, even in fast pace with a high cap", () => {
    const plan = buildPlan(makeInput({ opportunity: { pace: "fast", followUpCap: 6 }, interview: { callInvited: true } }));
    expect(plan.steps.filter((step) => step.kind === "call")).toHaveLength(1);
    expect(plan.steps.filter((step) => step.kind === "follow_up").map((step) => step.sequence)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('docs/rules.md "Follow-ups": "Fast-paced fields ...: follow-ups every two to three days ...; the cap is then set by the user"', () => {
  it("without a decision date starts 3 days after the interview and repeats every 3 days, on business days, up to the default cap", () => {
    const plan = buildPlan(makeInput({ opportunity: { pace: "fast" } }));
    expect(listFollowUps(plan).map((step) => [step.key, toLocalIso(step.dueAt)])).toEqual([
      ["follow_up:1", "2025-11-14T09:00:00.000+01:00"], // Tue + 3 = Fri
      ["follow_up:2", "2025-11-17T09:00:00.000+01:00"], // Fri + 3 = Mon
      ["follow_up:3", "2025-11-20T09:00:00.000+01:00"], // Mon + 3 = Thu
    ]);
    expect(listFollowUps(plan).some((step) => step.requiresOverride)).toBe(false);
  });

  it("still waits for the stated decision date, and honours the user's cap", () => {
    const plan = buildPlan(
      makeInput({ opportunity: { pace: "fast", followUpCap: 4 }, interview: { decisionDate: "2025-11-14" } }),
    );
    expect(listFollowUps(plan).map((step) => toLocalIso(step.dueAt))).toEqual([
      "2025-11-17T09:00:00.000+01:00", // Mon after Fri 14
      "2025-11-20T09:00:00.000+01:00", // Thu
      "2025-11-24T09:00:00.000+01:00", // Sun 23 -> Mon 24
      "2025-11-27T09:00:00.000+01:00", // Thu
    ]);
  });
});

describe("edge: no interviewers, and who receives follow-ups", () => {
  it("plans no thank-you or letter without interviewers, but still plans follow-ups with interviewerId null", () => {
    const plan = buildPlan(makeInput({ interviewers: [], opportunity: { companyStyle: "formal" } }));
    expect(listKeys(plan)).toEqual(["follow_up:1", "follow_up:2", "move_on"]);
    expect(listFollowUps(plan).every((step) => step.interviewerId === null)).toBe(true);
  });

  it.each([
    ["defaults to the first interviewer when none is chosen", null, "i-anna"],
    ["uses the chosen one", "i-ben", "i-ben"],
    ["falls back to the first when the chosen one is not recorded", "i-gone", "i-anna"],
  ])("primary interviewer %s", (_label, primaryInterviewerId, expected) => {
    const plan = buildPlan(makeInput({ interviewers: [ANNA, BEN], interview: { primaryInterviewerId } }));
    expect(listFollowUps(plan).map((step) => step.interviewerId)).toEqual([expected, expected]);
  });
});

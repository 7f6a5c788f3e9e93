import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { findStep, localTime, makeInput, toLocalIso } from "@/lib/test/plan-fixtures";
import type { OpportunityStatus, PlanInput } from "./types";

// Berlin; interview Tue 11 Nov 2025 14:00-15:00, decision by Fri 21 Nov (over a week, so a formal
// company gets a letter too), call invited: the call is Mon 24 Nov 10:00.
function planWith(overrides: { status?: OpportunityStatus; history?: Partial<PlanInput["history"]>; statusChangedAt?: Date | null; now?: Date }) {
  return buildPlan(
    makeInput({
      now: overrides.now,
      opportunity: {
        companyStyle: "formal",
        status: overrides.status ?? "active",
        statusChangedAt: overrides.statusChangedAt ?? null,
      },
      interview: { decisionDate: "2025-11-21", callInvited: true },
      history: overrides.history,
    }),
  );
}

function statusesByKey(plan: ReturnType<typeof buildPlan>) {
  return Object.fromEntries(plan.steps.map((step) => [step.key, step.status]));
}

const REPLY = { replies: [{ interviewerId: "i-anna", at: localTime("2025-11-18T10:00") }] };

describe('docs/rules.md "Outcomes": "Any reply, an offer, a rejection or a withdrawal stops all pending follow-ups"', () => {
  it.each([
    ["a reply", "active", REPLY, "Stopped: they replied."],
    ["an offer", "offer", {}, "Stopped: you have an offer."],
    ["a rejection", "rejected", {}, "Stopped: the application was turned down."],
    ["a withdrawal", "withdrawn", {}, "Stopped: you withdrew."],
    ["being hired", "hired", {}, "Stopped: you were hired."],
  ] as const)("%s cancels the call, follow-ups and move_on but keeps them in the plan", (_label, status, history, reason) => {
    const plan = planWith({ status, history });
    for (const key of ["call", "follow_up:2", "move_on"]) {
      const step = findStep(plan, key);
      expect([step.status, step.reason]).toEqual(["cancelled", reason]);
    }
  });

  it("keeps everything pending while nobody has answered", () => {
    expect(Object.values(statusesByKey(planWith({})))).toEqual(Array(5).fill("pending"));
  });

  it("does not count a reply from before the interview (e.g. scheduling it) as an answer", () => {
    const plan = planWith({ history: { replies: [{ interviewerId: null, at: localTime("2025-11-05T10:00") }] } });
    expect(findStep(plan, "follow_up:2").status).toBe("pending");
  });

  it.each([
    ["rejected", "cancelled"],
    ["withdrawn", "cancelled"],
    ["offer", "pending"],
    ["hired", "pending"],
    ["active", "pending"],
  ] as const)("when %s, pending thank-you and letter steps are %s", (status, expected) => {
    const plan = planWith({ status });
    expect([findStep(plan, "thank_you:i-anna").status, findStep(plan, "letter:i-anna").status]).toEqual([expected, expected]);
  });

  it("never changes done or skipped steps from history", () => {
    const at = localTime("2025-11-12T09:05");
    const history = {
      steps: {
        "thank_you:i-anna": { status: "done" as const, at },
        "letter:i-anna": { status: "skipped" as const, at },
        call: { status: "done" as const, at: localTime("2025-11-24T10:15") },
      },
    };
    expect(statusesByKey(planWith({ status: "rejected", history }))).toEqual({
      "thank_you:i-anna": "done",
      "letter:i-anna": "skipped",
      call: "done",
      "follow_up:2": "cancelled",
      move_on: "cancelled",
      gracious_reply: "pending",
    });
  });
});

describe('docs/rules.md "Outcomes": "Rejection: no arguing. Offer a short, gracious reply that thanks them and keeps the door open."', () => {
  it("adds an optional gracious reply the next business morning after the rejection (Fri 21 Nov -> Mon 24 Nov 09:00)", () => {
    const plan = planWith({ status: "rejected", statusChangedAt: localTime("2025-11-21T15:00") });
    const reply = findStep(plan, "gracious_reply");
    expect([toLocalIso(reply.dueAt), reply.status, reply.interviewerId]).toEqual([
      "2025-11-24T09:00:00.000+01:00",
      "pending",
      "i-anna",
    ]);
    expect(reply.reason).toMatch(/^Optional: .*keeps the door open/);
  });

  it("falls back to now when the status change time is unknown (Tue 18 Nov -> Wed 19 Nov 09:00)", () => {
    const plan = planWith({ status: "rejected", now: localTime("2025-11-18T11:00") });
    expect(toLocalIso(findStep(plan, "gracious_reply").dueAt)).toBe("2025-11-19T09:00:00.000+01:00");
  });

  it.each(["active", "offer", "withdrawn", "hired"] as const)("adds no gracious reply when %s", (status) => {
    expect(planWith({ status }).steps.some((step) => step.kind === "gracious_reply")).toBe(false);
  });
});

describe("history: a snooze replaces the proposed time of a pending step", () => {
  it("moves a pending step's dueAt and shifts the steps that follow it", () => {
    const plan = planWith({ history: { snoozes: { call: localTime("2025-11-26T16:00") } } });
    expect(toLocalIso(findStep(plan, "call").dueAt)).toBe("2025-11-26T16:00:00.000+01:00");
    expect(toLocalIso(findStep(plan, "follow_up:2").dueAt)).toBe("2025-12-03T09:00:00.000+01:00");
  });

  it("does not move a step that is already done", () => {
    const history = {
      steps: { "thank_you:i-anna": { status: "done" as const, at: localTime("2025-11-11T19:00") } },
      snoozes: { "thank_you:i-anna": localTime("2025-11-12T12:00") },
    };
    expect(toLocalIso(findStep(planWith({ history }), "thank_you:i-anna").dueAt)).toBe("2025-11-12T09:00:00.000+01:00");
  });
});

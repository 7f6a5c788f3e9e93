import { describe, expect, it } from "vitest";
import { checkTiming } from "./timing";
import { makeInput } from "@/lib/test/checks-fixtures";
import type { CheckSeverity, DraftKind, DraftTiming } from "./types";

const ON_TIME: DraftTiming = { followUpNumber: null, isBeforeDecisionDate: false, isCallStep: false, callInvited: false, hasOverride: false };

describe('docs/rules.md "Message checks": timing: "a follow-up before the decision date, a third follow-up, a phone step without an invitation"', () => {
  it.each<[string, DraftKind, Partial<DraftTiming>]>([
    ["a thank-you", "thank_you", {}],
    ["a first follow-up after the decision date", "follow_up", { followUpNumber: 1 }],
    ["a second follow-up", "follow_up", { followUpNumber: 2 }],
    ["an invited call", "follow_up", { isCallStep: true, callInvited: true, followUpNumber: 1 }],
    ["a thank-you sent before the decision date (only follow-ups wait)", "thank_you", { isBeforeDecisionDate: true }],
    ["a gracious reply", "gracious_reply", { hasOverride: true }],
  ])("passes %s", (_label, kind, timing) => {
    expect(checkTiming(makeInput({ kind, timing: { ...ON_TIME, ...timing } }))).toMatchObject({ severity: "pass", findings: [] });
  });

  it.each<[string, Partial<DraftTiming>, CheckSeverity, string[]]>([
    ["a follow-up before the decision date", { followUpNumber: 1, isBeforeDecisionDate: true }, "warn", ["before the date they gave"]],
    ["a third follow-up", { followUpNumber: 3 }, "block", ["follow-up number 3; the plan stops at 2"]],
    ["a fourth follow-up", { followUpNumber: 4 }, "block", ["follow-up number 4"]],
    ["an uninvited call", { isCallStep: true }, "block", ["did not invite you to call"]],
    ["a third follow-up, overridden", { followUpNumber: 3, hasOverride: true }, "warn", ["You chose to override this."]],
    ["an uninvited call, overridden", { isCallStep: true, hasOverride: true }, "warn", ["You chose to override this."]],
    ["an early third follow-up", { followUpNumber: 3, isBeforeDecisionDate: true }, "block", ["before the date they gave", "follow-up number 3"]],
  ])("flags %s", (_label, timing, severity, messages) => {
    const result = checkTiming(makeInput({ kind: "follow_up", timing: { ...ON_TIME, ...timing } }));
    expect(result.severity).toBe(severity);
    expect(result.findings).toHaveLength(messages.length);
    messages.forEach((message, index) => expect(result.findings[index]?.message).toContain(message));
  });
});

describe("timing: a send that makes no sense on the clock", () => {
  const AFTER_INTERVIEW: Partial<DraftTiming> = {
    interviewEndsAt: new Date("2026-11-17T15:00:00Z"),
    timeZone: "Europe/Berlin",
  };
  function check(kind: DraftKind, timing: Partial<DraftTiming>) {
    return checkTiming(makeInput({ kind, timing: { ...ON_TIME, ...AFTER_INTERVIEW, ...timing } }));
  }

  it("warns about a thank-you that would go out before its interview is over", () => {
    const result = check("thank_you", { sendsAt: new Date("2026-11-17T09:00:00Z") });
    expect(result).toMatchObject({ severity: "warn", findings: [{ message: expect.stringContaining("before the interview is over") }] });
    expect(check("thank_you", { sendsAt: new Date("2026-11-17T16:00:00Z") })).toMatchObject({ severity: "pass", findings: [] });
  });

  it.each<[string, string]>([
    ["22:00", "2026-11-18T21:00:00Z"],
    ["23:30", "2026-11-18T22:30:00Z"],
    ["03:15", "2026-11-19T02:15:00Z"],
    ["06:59", "2026-11-19T05:59:00Z"],
  ])("warns about a send at %s in the user's time zone (night)", (localTime, sendsAt) => {
    for (const kind of ["thank_you", "follow_up", "gracious_reply"] as const) {
      const result = check(kind, { sendsAt: new Date(sendsAt), followUpNumber: kind === "follow_up" ? 1 : null });
      expect(result.severity).toBe("warn");
      expect(result.findings.map((finding) => finding.message)).toEqual([expect.stringContaining(`at ${localTime} your time, at night`)]);
    }
  });

  it("passes sends at 07:00 and 21:59 in the user's time zone, and a mailed letter at any hour", () => {
    expect(check("thank_you", { sendsAt: new Date("2026-11-19T06:00:00Z") }).severity).toBe("pass");
    expect(check("thank_you", { sendsAt: new Date("2026-11-18T20:59:00Z") }).severity).toBe("pass");
    // 23:00 in Berlin is 14:00 in Los Angeles: the user's zone decides
    expect(check("thank_you", { sendsAt: new Date("2026-11-18T22:00:00Z"), timeZone: "America/Los_Angeles" }).severity).toBe("pass");
    expect(check("letter", { sendsAt: new Date("2026-11-18T22:30:00Z") }).severity).toBe("pass");
  });
});


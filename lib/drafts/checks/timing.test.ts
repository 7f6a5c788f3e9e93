import { describe, expect, it } from "vitest";
import { checkTiming } from "./timing";
import { makeInput } from "./test-input";
import type { CheckSeverity, DraftKind, DraftTiming } from "./types";

const ON_TIME: DraftTiming = { followUpNumber: null, isBeforeDecisionDate: false, isCallStep: false, callInvited: false, hasOverride: false };

describe('domain.md "Message checks": timing: "a follow-up before the decision date, a third follow-up, a phone step without an invitation"', () => {
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

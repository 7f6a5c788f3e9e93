import { describe, expect, it } from "vitest";
import { countWords } from "./length";
import { runDraftChecks } from "./run-checks";
import { GOOD_THANK_YOU, makeInput } from "@/lib/test/checks-fixtures";
import type { CheckId } from "./types";

const TABLE_ORDER: CheckId[] = [
  "length", "greeting", "names", "placeholders", "desperation", "personal_detail", "contact", "spelling", "grammar",
  "timing", "arguing",
];

const BAD_THANK_YOU = `Dear Hiring Manager,

Thank you for the the interview for the (job title) role at Acmee. I really need this job and I would take any job at [Company], honestly. It was a amazing day. I recieve many rejections. Please let me know by Friday.

Best,
Jo`;

describe('docs/rules.md "Message checks": every check runs on every draft, in the table\'s order', () => {
  it("passes a realistic, well-written thank-you on every check", () => {
    expect(countWords(GOOD_THANK_YOU)).toBeGreaterThanOrEqual(140);
    expect(countWords(GOOD_THANK_YOU)).toBeLessThanOrEqual(180);
    const results = runDraftChecks(makeInput());
    expect(results.map((result) => result.id)).toEqual(TABLE_ORDER);
    expect(results.filter((result) => result.severity !== "pass")).toEqual([]);
    expect(results.every((result) => result.label.length > 0)).toBe(true);
  });

  it("warns on each problem of a bad thank-you, and blocks nothing", () => {
    const results = runDraftChecks(makeInput({ body: BAD_THANK_YOU, signature: "" }));
    const severities = Object.fromEntries(results.map((result) => [result.id, result.severity]));
    expect(severities).toEqual({
      length: "warn",
      greeting: "warn",
      names: "warn",
      placeholders: "warn",
      desperation: "warn",
      personal_detail: "warn",
      contact: "warn",
      spelling: "warn",
      grammar: "warn",
      timing: "pass",
      arguing: "pass",
    });
    const excerpts = results.flatMap((result) => result.findings.map((finding) => finding.excerpt).filter(Boolean));
    expect(excerpts).toEqual(
      expect.arrayContaining(["Dear Hiring Manager,", "Acmee", "(job title)", "[Company]", "I really need this job", "recieve", "a amazing", "the the"]),
    );
  });

  it("blocks only what the plan forbids: an uninvited call, until overridden", () => {
    const timing = { followUpNumber: 1, isBeforeDecisionDate: false, isCallStep: true, callInvited: false, hasOverride: false };
    const blocked = runDraftChecks(makeInput({ kind: "follow_up", timing }));
    expect(blocked.filter((result) => result.severity === "block").map((result) => result.id)).toEqual(["timing"]);
    const overridden = runDraftChecks(makeInput({ kind: "follow_up", timing: { ...timing, hasOverride: true } }));
    expect(overridden.find((result) => result.id === "timing")?.severity).toBe("warn");
  });

  it("checks a gracious reply for arguing", () => {
    const body = "Dear Siobhan,\n\nThank you for letting me know. I believe I was the best candidate, so please reconsider.\n\nBest,\nJo Müller\njo@x.com";
    const arguing = runDraftChecks(makeInput({ kind: "gracious_reply", body })).find((result) => result.id === "arguing");
    expect(arguing?.severity).toBe("warn");
    expect(arguing?.findings.map((finding) => finding.excerpt)).toEqual(["I believe I was the best candidate", "reconsider"]);
  });
});

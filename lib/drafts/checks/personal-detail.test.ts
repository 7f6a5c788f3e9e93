import { describe, expect, it } from "vitest";
import { checkPersonalDetail } from "./personal-detail";
import { makeInput, wrapBody } from "@/lib/test/checks-fixtures";
import type { DraftCheckInput, DraftNotes } from "./types";

const EMPTY_NOTES: DraftNotes = { topics: "", specificDetail: "", wentWell: "", toClarify: "", sharedInterests: "" };
const GENERIC = wrapBody("Thank you for the interview about the Data Analyst role at Acme. I enjoyed our conversation and meeting the team.");

describe('docs/rules.md "Message checks": personal detail: "a thank-you mentions nothing from the recorded conversation"', () => {
  it.each<[string, Partial<DraftCheckInput>]>([
    ["the realistic thank-you", {}],
    ["a word from the notes in another form (migrating/migration)", { body: wrapBody("Good luck migrating everything.") }],
    ["a shared interest (cycling/cycle)", { body: wrapBody("Enjoy cycling this weekend!") }],
    ["a capitalised word from the notes", { body: wrapBody("Thanks for showing me the Dashboard.") }],
    ["a letter that mentions the detail", { kind: "letter", body: wrapBody("The spring migration sounds exciting.") }],
    ["a follow-up, where it does not apply", { kind: "follow_up", body: GENERIC, notes: EMPTY_NOTES }],
    ["a gracious reply, where it does not apply", { kind: "gracious_reply", body: GENERIC }],
  ])("passes %s", (_label, overrides) => {
    expect(checkPersonalDetail(makeInput(overrides)).severity).toBe("pass");
  });

  it.each<[string, Partial<DraftCheckInput>]>([
    ["a generic thank-you", { body: GENERIC }],
    ["a generic letter", { kind: "letter", body: GENERIC }],
    ["a body that shares only the company and role with the notes", { body: GENERIC, notes: { ...EMPTY_NOTES, topics: "Acme data analyst role" } }],
    ["a body that shares only stopwords with the notes", { body: GENERIC, notes: { ...EMPTY_NOTES, topics: "about what they would really want" } }],
    ["a detail only in the to-clarify notes", { body: wrapBody("I hold a Tableau certification."), notes: { ...EMPTY_NOTES, specificDetail: "Spring launch", toClarify: "Tableau certification" } }],
  ])("warns on %s, quoting a detail to use", (_label, overrides) => {
    const result = checkPersonalDetail(makeInput(overrides));
    expect(result.severity).toBe("warn");
    expect(result.findings[0]?.message).toMatch(/^Nothing from your notes on the conversation appears here; mention one specific detail, such as ".+"/);
  });

  it("says so when the notes are empty", () => {
    const result = checkPersonalDetail(makeInput({ notes: EMPTY_NOTES }));
    expect(result.severity).toBe("warn");
    expect(result.findings[0]?.message).toContain("Your notes on this interview are empty");
  });
});

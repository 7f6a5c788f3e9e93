import { describe, expect, it } from "vitest";
import { checkGreeting } from "./greeting";
import { makeInput } from "@/lib/test/checks-fixtures";

describe('docs/rules.md "Message checks": greeting: "the interviewer\'s name (as recorded) is not in the greeting"', () => {
  it.each([
    ["the full name", "Siobhan O'Brien", "Dear Siobhan O'Brien,"],
    ["the first name", "Siobhan O'Brien", "Hi Siobhan,"],
    ["a title and the surname with an apostrophe", "Siobhan O'Brien", "Dear Ms. O'Brien,"],
    ["a curly apostrophe and no full stop", "Siobhan O'Brien", "Dear Ms O’Brien,"],
    ["a hyphenated, accented surname", "Zoë Ørsted-Łukasiewicz", "Dear Dr. Ørsted-Łukasiewicz,"],
    ["an accented first name typed decomposed", "José García", "Hola Jose\u0301,"],
    ["a multi-word surname", "Juan de la Cruz", "Dear Mr. de la Cruz,"],
    ["a recorded title that is not repeated", "Dr. Anna Berg", "Dear Anna,"],
    ["blank lines before the greeting", "Anna Berg", "\n\n  Dear Anna,"],
  ])("passes %s", (_label, interviewerName, greeting) => {
    expect(checkGreeting(makeInput({ interviewerName, body: `${greeting}\n\nThank you.` })).severity).toBe("pass");
  });

  it("passes when no interviewer name was recorded", () => {
    expect(checkGreeting(makeInput({ interviewerName: null, body: "Dear Hiring Manager,\n\nThanks." })).severity).toBe("pass");
  });

  it.each([
    ["a generic greeting", "Siobhan O'Brien", "Dear Hiring Manager,"],
    ["a misspelled first name", "Siobhan O'Brien", "Dear Siobahn,"],
    ["a surname without a title", "Siobhan O'Brien", "Dear O'Brien,"],
    ["the name without its diaeresis", "Zoë Ørsted-Łukasiewicz", "Dear Zoe,"],
    ["the name without its accent", "José García", "Dear Jose,"],
    ["a shorter name inside the recorded one", "Anna Berg", "Dear Ann,"],
    ["sir or madam", "Anna Berg", "Dear Sir or Madam,"],
  ])("warns on %s, pointing at the greeting", (_label, interviewerName, greeting) => {
    const body = `${greeting}\n\nThank you, ${interviewerName}.`;
    const result = checkGreeting(makeInput({ interviewerName, body }));
    expect(result.severity).toBe("warn");
    const finding = result.findings[0];
    expect(finding?.message).toContain("does not address");
    expect(finding?.excerpt).toBe(greeting);
    expect(body.slice(finding?.start, finding?.end)).toBe(greeting);
  });

  it("warns when the body is empty", () => {
    const result = checkGreeting(makeInput({ interviewerName: "Anna Berg", body: "  \n" }));
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'The message has no greeting; start with "Dear Anna Berg,".',
    ]);
  });
});

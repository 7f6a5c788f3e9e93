import { describe, expect, it } from "vitest";
import { checkNames } from "./names";
import { listExcerpts, makeInput, wrapBody } from "@/lib/test/checks-fixtures";
import type { DraftCheckInput } from "./types";

const ZOE = "Zoë Ørsted-Łukasiewicz";

function checkSentence(sentence: string, overrides: Partial<DraftCheckInput> = {}) {
  return checkNames(makeInput({ body: wrapBody(sentence, "Dear team,"), subject: "Thank you", ...overrides }));
}

describe('docs/rules.md "Message checks": names: "the company or interviewer name appears misspelled"', () => {
  it.each<[string, string, Partial<DraftCheckInput>]>([
    ["the company as recorded, also possessive", "I admire Acme and Acme's mission.", {}],
    ["an apostrophe name, straight and curly", "Thanks, Siobhan O'Brien and Ms O’Brien.", {}],
    ["accents and a hyphenated surname", `Thank you, ${ZOE}, and Ms. Ørsted-Łukasiewicz.`, { interviewerName: ZOE }],
    ["an accented name typed decomposed", "Gracias, Jose\u0301.", { interviewerName: "José García" }],
    ["'apple pie' for the company Apple", "We joked about apple pie at Apple.", { company: "Apple" }],
    ["ordinary words near the company name", "We strive to ship; Stripe does too.", { company: "Stripe" }],
    ["a common word opening a sentence", "Park the car. Mark said so.", { interviewerName: "Mark Lee" }],
    ["a misspelled company inside a URL", "See https://example.com/Acmee-careers and acmee.example.com.", {}],
    ["a misspelled company inside an email", "Write to acmee.jobs@example.com today.", {}],
    ["the user's own name close to the interviewer's", "I am Jon, John.", { interviewerName: "John Smith", signature: "Best,\nJon Park\njon@x.com" }],
    ["a close word the user added to their words", "Acmes is my old team.", { personalWords: ["Acmes"] }],
  ])("passes %s", (_label, sentence, overrides) => {
    expect(checkSentence(sentence, overrides).findings).toEqual([]);
  });

  it.each<[string, string, Partial<DraftCheckInput>, string[]]>([
    ["a letter too many in the company", "I admire Acmee and Acmee's mission.", {}, ["Acmee", "Acmee's"]],
    ["a dropped letter in Apple", "I love the Aple design.", { company: "Apple" }, ["Aple"]],
    ["swapped letters in Apple", "I love the Appel design.", { company: "Apple" }, ["Appel"]],
    ["a missing apostrophe", "Thanks, Ms. OBrien and Ms. Obrien.", {}, ["OBrien", "Obrien"]],
    ["a dropped diaeresis and stroke", "Thanks, Zoe Orsted-Lukasiewicz.", { interviewerName: ZOE }, ["Zoe", "Orsted", "Lukasiewicz"]],
    ["a dropped accent", "Gracias, Jose.", { interviewerName: "José García" }, ["Jose"]],
    ["swapped letters in a first name", "Thanks, Siobahn.", {}, ["Siobahn"]],
    ["different capitals", "I admire ACME and McDonald.", { interviewerName: "Ann Mcdonald" }, ["ACME", "McDonald"]],
    ["a lowercase misspelling", "Thanks to everyone at acmee.", {}, ["acmee"]],
    ["a close common name mid-sentence", "It was great to meet you, Jon.", { interviewerName: "John Smith" }, ["Jon"]],
  ])("warns on %s, at each word", (_label, sentence, overrides, excerpts) => {
    const input = makeInput({ body: wrapBody(sentence, "Dear team,"), subject: "Thank you", ...overrides });
    const result = checkNames(input);
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
    for (const finding of result.findings) expect(input.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it("reads an acronym as an acronym, not as a misspelt name", () => {
    expect(checkSentence("Their API docs were a highlight.", { interviewerName: "Yusuf Ali" }).findings).toEqual([]);
    expect(checkSentence("I enjoyed meeting the team at Acme, Inc.", { company: "Acme, Inc." }).findings).toEqual([]);
  });

  it("says which recorded spelling the word is close to", () => {
    expect(checkSentence("Thanks, Jose.", { interviewerName: "José García" }).findings[0]?.message).toBe(
      '"Jose" looks like a misspelling of "José" (the interviewer, as recorded).',
    );
    expect(checkSentence("I admire ACME.").findings[0]?.message).toBe(
      '"ACME" is capitalised differently from "Acme" (the company, as recorded).',
    );
  });

  it("checks the subject too, and says so", () => {
    const result = checkNames(makeInput({ subject: "Thank you from Jo, Acmee interview" }));
    expect(result.findings).toEqual([
      {
        message: 'Subject: "Acmee" looks like a misspelling of "Acme" (the company, as recorded).',
        excerpt: "Acmee",
        start: 19,
        end: 24,
        field: "subject",
      },
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { getSpellChecker, suggestWords } from "./spell-checker";
import { buildPersonalWords, checkSpelling, findSignatureName } from "./spelling";
import { listExcerpts, makeInput, wrapBody } from "@/lib/test/checks-fixtures";
import type { DraftCheckInput } from "./types";

const ZOE = "Zoë Ørsted-Łukasiewicz";

function checkSentence(sentence: string, overrides: Partial<DraftCheckInput> = {}) {
  return checkSpelling(makeInput({ body: wrapBody(sentence, "Dear team,"), subject: "Thank you", ...overrides }));
}

describe('docs/rules.md "Message checks": spelling: "a word is not in the dictionary (user\'s names, company and role terms are added to it)"', () => {
  it.each<[string, string, Partial<DraftCheckInput>]>([
    ["the realistic thank-you", "", {}],
    ["the company, possessive, and the interviewer", "Acme's team and Siobhan O'Brien's questions.", {}],
    ["accented, hyphenated interviewer names", `Thanks, ${ZOE}!`, { interviewerName: ZOE }],
    ["role terms", "The Kubernetes SRE role fits.", { role: "Kubernetes Site Reliability Engineer" }],
    ["the user's own name from the signature", "Thanks, Jo Müller-Øberg.", { signature: "Best,\nJo Müller-Øberg\njo@x.com" }],
    ["the user's own words", "I love dbt and Snowflake's Snowpark.", { personalWords: ["dbt", "Snowpark"] }],
    ["a URL and an email", "See https://example.com/Acmee-careers or acmee.jobs@example.com.", {}],
    ["acronyms, numbers and words with digits", "I know AWS, GCP and SQL; 24/7 for the 3rd year, 2x faster.", {}],
    ["hyphenated words", "A well-known, data-driven, follow-up culture.", {}],
    ["British spellings", "I realised the colour of the programme; we travelled to the centre and analysed it.", {}],
    ["curly apostrophes", "I’m sure we’ll talk; don’t hesitate.", {}],
  ])("passes %s", (_label, sentence, overrides) => {
    const input = sentence ? { body: wrapBody(sentence, "Dear team,"), ...overrides } : overrides;
    expect(checkSpelling(makeInput(input)).findings).toEqual([]);
  });

  it.each<[string, string, Partial<DraftCheckInput>, string[]]>([
    ["a common typo", "I recieve your email.", {}, ["recieve"]],
    ["several typos", "Teh convrsation was grate fun, thnak you.", {}, ["Teh", "convrsation", "thnak"]],
    ["a misspelled company, possessive", "Acmee's mission.", {}, ["Acmee's"]],
    ["a typo in one part of a hyphenated word", "A well-knwon team.", {}, ["knwon"]],
    ["a name the user did not record", "Thanks to Zoë.", {}, ["Zoë"]],
    ["a typo next to a URL", "See https://example.com/x for the detials.", {}, ["detials"]],
  ])("warns on %s, at each word", (_label, sentence, overrides, excerpts) => {
    const input = makeInput({ body: wrapBody(sentence, "Dear team,"), subject: "Thank you", ...overrides });
    const result = checkSpelling(input);
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
    for (const finding of result.findings) expect(input.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it("suggests up to three corrections", () => {
    const message = checkSentence("I recieve it.").findings[0]?.message ?? "";
    expect(message).toMatch(/^"recieve" is not in the dictionary\. Did you mean: receive(, [a-z]+){0,2}\?$/);
  });

  it("suggests corrections one edit away, the swapped letters first", () => {
    expect(suggestWords("teh")[0]).toBe("the");
    expect(suggestWords("adress")[0]).toBe("address");
    expect(suggestWords("Thnak")).toEqual(["Thank"]);
  });

  it("finds no correction for noise, quickly, and none at all for a word too long to be one", () => {
    // nspell's own suggest() spent 0.3-1.7 s on each of these, holding the server (the attack suite's finding)
    expect(suggestWords("Snowpara")).toEqual([]);
    expect(suggestWords("Qwrtzp")).toEqual([]);
    const long = `${"a".repeat(60)}zq`;
    expect(checkSentence(`We saw ${long} there.`).findings[0]?.message).toMatch(/If it is right, add it to your words\.$/);
  });

  it("invites the user to add a word it cannot correct", () => {
    expect(checkSentence("We use Xqzvtl.").findings[0]?.message).toBe(
      '"Xqzvtl" is not in the dictionary. If it is right, add it to your words.',
    );
  });

  it("checks the subject and says so", () => {
    const result = checkSpelling(makeInput({ subject: "Thnak you" }));
    expect(result.findings).toMatchObject([{ excerpt: "Thnak", start: 0, end: 5, field: "subject" }]);
    expect(result.findings[0]?.message).toMatch(/^Subject: "Thnak" is not in the dictionary/);
  });
});

describe("the spelling dictionary is loaded once and never holds one user's words", () => {
  it("returns the same checker every time", () => {
    expect(getSpellChecker()).toBe(getSpellChecker());
  });

  it("accepts a personal word only in the call that has it", () => {
    const sentence = "We migrated to Snowpark.";
    expect(checkSentence(sentence, { personalWords: ["Snowpark"] }).findings).toEqual([]);
    expect(listExcerpts(checkSentence(sentence))).toEqual(["Snowpark"]);
    expect(getSpellChecker().correct("Snowpark")).toBe(false);
  });

  it("builds the personal words from the company, role, names, signature and the user's list", () => {
    const words = buildPersonalWords(
      makeInput({ interviewerName: ZOE, company: "Zalando SE", role: "DevOps Engineer", personalWords: ["dbt"] }),
    );
    expect([...words].sort()).toEqual(
      ["devops", "engineer", "zalando", "se", "zoë", "ørsted", "łukasiewicz", "jo", "müller", "dbt"].sort(),
    );
  });

  it.each([
    ["a closing, then the name", "Best regards,\nJo Müller\njo@x.com", "Jo Müller"],
    ["the name alone", "Siobhan O'Brien", "Siobhan O'Brien"],
    ["contact lines first", "+49 30 1234 5678\nKind regards,\nAna de Souza", "Ana de Souza"],
    ["a job title after the name", "Ana de Souza\nSenior Data Analyst", "Ana de Souza"],
    ["no name", "Thanks!\njo@x.com", null],
  ])("reads the user's name from a signature with %s", (_label, signature, expected) => {
    expect(findSignatureName(signature)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { checkPlaceholders } from "./placeholders";
import { listExcerpts, makeInput, wrapBody } from "@/lib/test/checks-fixtures";

describe('docs/rules.md "Message checks": placeholders: "unfilled slots remain: `[Company]`, `(job title)`, `{{name}}`, `XX`"', () => {
  it.each([
    ["prose in parentheses", "The demo (which I enjoyed) was great."],
    ["a list in parentheses", "I use SQL (and Python, dbt) daily."],
    ["an email in angle brackets", "Reach me at <jo@example.com> or <https://jo.dev/cv>."],
    ["words that contain x or insert", "I can insert an XXL chart into the Excel sheet."],
    ["a URL with brackets and braces", "See https://example.com/[id]/{slug}?q=xx."],
    ["to do as two words", "The to do list is short."],
    ["a role word in prose parentheses", "I led the migration (my favourite project)."],
  ])("passes %s", (_label, sentence) => {
    expect(checkPlaceholders(makeInput({ body: wrapBody(sentence) })).findings).toEqual([]);
  });

  it.each([
    ["a bracketed slot", "I am excited about [Company].", ["[Company]"]],
    ["any bracketed text", "We discussed [specific topic from notes].", ["[specific topic from notes]"]],
    ["template words in parentheses", "The (job title) role at (company name) suits me.", ["(job title)", "(company name)"]],
    ["an insert instruction", "Thanks, (insert interviewer's name here)!", ["(insert interviewer's name here)"]],
    ["a curly apostrophe slot", "Dear (interviewer’s name),", ["(interviewer’s name)"]],
    ["mustache and brace slots", "Hi {{name}}, about {first_name}.", ["{{name}}", "{first_name}"]],
    ["XX fillers", "I have XX years and XXX projects.", ["XX", "XXX"]],
    ["an angle-bracket slot", "Dear <name>,", ["<name>"]],
    ["to-do markers", "TODO: add detail. INSERT story here.", ["TODO", "INSERT"]],
    ["a blank line to fill", "I can start on ______.", ["______"]],
  ])("warns on %s", (_label, sentence, excerpts) => {
    const input = makeInput({ body: wrapBody(sentence) });
    const result = checkPlaceholders(input);
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
    for (const finding of result.findings) expect(input.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it("finds a slot left in the subject", () => {
    const result = checkPlaceholders(makeInput({ subject: "Thank you for the [Role] interview" }));
    expect(result.findings).toEqual([
      {
        message: 'Subject: "[Role]" looks like a [bracketed] slot that was never filled in.',
        excerpt: "[Role]",
        start: 18,
        end: 24,
        field: "subject",
      },
    ]);
  });
});

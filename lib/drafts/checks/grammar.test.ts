import { describe, expect, it } from "vitest";
import { checkGrammar, getGrammarProcessor } from "./grammar";
import { listExcerpts, makeInput, wrapBody } from "./test-input";

describe('domain.md "Message checks": grammar: "repeated words, a/an errors"', () => {
  it.each([
    ["correct articles", "It was an interview with a great team, an hour long, at a university."],
    ["a legitimately doubled word", "It was the best talk they had had in weeks."],
    ["a repeated proper name", "We talked about Duran Duran."],
    ["articles before a URL and an email", "Here is a https://example.com/interview link and an jo@x.com address."],
    ["a word repeated across sentences", "I enjoyed it. It was great."],
    ["the realistic thank-you", ""],
  ])("passes %s", (_label, sentence) => {
    const body = sentence ? wrapBody(sentence) : undefined;
    expect(checkGrammar(makeInput(body ? { body } : {})).findings).toEqual([]);
  });

  it.each([
    ["a repeated word", "Thank you for the the interview.", ["the the"]],
    ["a repeated word across a line break", "I am\nam glad.", ["am\nam"]],
    ["a before a vowel", "It was a interview.", ["a interview"]],
    ["an before a consonant", "It was an great day.", ["an great"]],
    ["a capitalised article", "A interview is a chance.", ["A interview"]],
    ["a before a silent h", "We spoke for a hour.", ["a hour"]],
    ["both kinds at once", "It was a amazing amazing day.", ["a amazing", "amazing amazing"]],
  ])("warns on %s, at the words", (_label, sentence, excerpts) => {
    const input = makeInput({ body: wrapBody(sentence) });
    const result = checkGrammar(input);
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
    for (const finding of result.findings) expect(input.body.slice(finding.start, finding.end)).toBe(finding.excerpt);
  });

  it("says what to write instead", () => {
    const messages = checkGrammar(makeInput({ body: wrapBody("It was a interview for the the role.") })).findings.map(
      (finding) => finding.message,
    );
    expect(messages).toEqual(['"a interview" should be "an interview".', '"the the": a word is repeated; remove one.']);
  });

  it("keeps one processor for the process", () => {
    expect(getGrammarProcessor()).toBe(getGrammarProcessor());
  });
});

import { describe, expect, it } from "vitest";
import { checkGrammar, getGrammarProcessor } from "./grammar";
import { listExcerpts, makeInput, wrapBody } from "@/lib/test/checks-fixtures";

describe('docs/rules.md "Message checks": grammar: "repeated words, a/an errors"', () => {
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

  it.each([
    ["a clause pasted where a noun phrase is needed", "Our conversation about their checkout lost 8% conversion after the last redesign, and they traced it to layout shift has stayed with me since.", ["has"]],
    ["a clause after \"about\"", "I was glad we could talk about my experience running incident reviews resonated with them, because it shows the kind of work I would bring.", ["resonated"]],
    ["a clause with a past verb after \"about\"", "Our conversation about your search team rebuilt ranking on Rust has stayed with me since.", ["has"]],
    ["a to-do pasted after \"about\"", "I keep coming back to what you said about ask about visa sponsorship.", ["about ask"]],
    ["two main clauses joined by a comma", "I enjoyed our talk, it was great.", ["it was"]],
    ["broken agreement", "She ship every Friday. They is great.", ["She ship", "They is"]],
    ["an abbreviation's stop doubled", "Thank you for the interview at Acme, Inc..", [".."]],
    ["a question's mark followed by a stop", "What stayed with me: how do you ship?.", ["?."]],
  ])("warns on %s", (_label, sentence, excerpts) => {
    const result = checkGrammar(makeInput({ body: wrapBody(sentence) }));
    expect(result.severity).toBe("warn");
    expect(listExcerpts(result)).toEqual(excerpts);
  });

  it.each([
    ["a reduced relative clause", "Our conversation about the dashboard migration your team starts in spring has stayed with me since."],
    ["a clause after \"that\"", "I was glad that my experience running incident reviews resonated with you, because it is the kind of work I would bring."],
    ["a subordinate clause before a comma", "While I'm disappointed, I understand and respect your decision."],
    ["a clause after a colon", "I keep thinking about what you told me: your checkout lost 8% conversion, and you traced it to layout shift."],
    ["an object pronoun before a verb", "We made it work in the end, and it was worth it."],
    ["a relative clause without its pronoun", "I would love to help with the new Kafka pipeline you are building."],
  ])("passes %s", (_label, sentence) => {
    expect(checkGrammar(makeInput({ body: wrapBody(sentence) })).findings).toEqual([]);
  });

  it("keeps one processor for the process", () => {
    expect(getGrammarProcessor()).toBe(getGrammarProcessor());
  });
});

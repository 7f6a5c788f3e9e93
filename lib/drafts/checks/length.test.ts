import { describe, expect, it } from "vitest";
import { checkLength, countSentences, countWords } from "./length";
import { makeInput } from "@/lib/test/checks-fixtures";
import type { DraftKind } from "./types";

/** `count` words in sentences of 12 and paragraphs of 3 sentences, so only the word count can fail. */
function makeWords(count: number): string {
  const words = Array.from({ length: count }, (_, index) => (index % 12 === 11 ? "data." : "data"));
  return words.map((word, index) => (index % 36 === 35 ? `${word}\n\n` : `${word} `)).join("").trim();
}

describe('docs/rules.md "Message checks": length counts words the way a reader does', () => {
  it.each([
    ["plain words", "Thank you for your time", 5],
    ["a URL is one word", "See https://example.com/a/b?c=d for details", 4],
    ["an email address is one word", "Write to jo.mueller@example.com anytime", 4],
    ["a dash is no word", "Thanks — really", 2],
    ["line breaks and blank lines separate words", "Dear Anna,\n\nThanks\nJo", 4],
  ])("%s", (_label, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it.each([
    ["titles and initials do not end a sentence", "I met Mr. Smith and J. Doe. It went well.", 2],
    ["e.g. and decimals do not end a sentence", "I know tools, e.g. Python. I have 3.5 years of it.", 2],
    ["dots in URLs and emails do not end a sentence", "See example.com/a.b or jo@x.co.uk. Thanks!", 2],
    ["questions and exclamations end sentences", "Really? Yes! Great. Indeed", 4],
    ["a signature block without stops is one sentence", "Best regards,\nJo Müller\njo@x.com", 1],
  ])("%s", (_label, text, expected) => {
    expect(countSentences(text)).toBe(expected);
  });
});

describe('docs/rules.md "Message checks": length: "thank-you > 200 words, follow-up > 150 words, any paragraph > 4 sentences"', () => {
  it.each<[string, DraftKind, number]>([
    ["a 200-word thank-you", "thank_you", 200],
    ["a 150-word follow-up", "follow_up", 150],
    ["a 200-word letter (thank-you limit)", "letter", 200],
    ["a 200-word gracious reply (thank-you limit)", "gracious_reply", 200],
    ["a 120-word follow-up", "follow_up", 120],
  ])("passes %s", (_label, kind, words) => {
    expect(checkLength(makeInput({ kind, body: makeWords(words), signature: "" })).severity).toBe("pass");
  });

  it.each<[string, DraftKind, number, string]>([
    ["a 201-word thank-you", "thank_you", 201, "This thank-you has 201 words; keep it to 200 or fewer"],
    ["a 151-word follow-up", "follow_up", 151, "This follow-up has 151 words; keep it to 150 or fewer"],
    ["a 201-word letter", "letter", 201, "This letter has 201 words; keep it to 200 or fewer"],
    ["a 230-word gracious reply", "gracious_reply", 230, "This reply has 230 words; keep it to 200 or fewer"],
    ["a 180-word follow-up", "follow_up", 180, "This follow-up has 180 words; keep it to 150 or fewer"],
  ])("warns on %s", (_label, kind, words, message) => {
    const result = checkLength(makeInput({ kind, body: makeWords(words), signature: "" }));
    expect(result.severity).toBe("warn");
    expect(result.findings[0]?.message).toContain(message);
  });

  it("counts a signature that is not already in the body", () => {
    const body = makeWords(195);
    expect(checkLength(makeInput({ body, signature: "Best regards,\nJo Müller\njo@x.com" })).severity).toBe("pass");
    const result = checkLength(makeInput({ body, signature: "Best regards,\nJo Müller\nSenior Analyst\njo@x.com +49 30 1234 5678" }));
    expect(result.findings.map((finding) => finding.message)).toEqual([
      "This thank-you has 206 words including your signature; keep it to 200 or fewer (a few short paragraphs).",
    ]);
  });

  it("does not count a signature twice when it is inside the body", () => {
    const signature = "Best regards,\nJo Müller\njo@x.com";
    expect(checkLength(makeInput({ body: `${makeWords(195)}\n\n${signature}`, signature })).findings).toEqual([]);
  });

  it.each([
    ["four sentences", "One. Two. Three. Four."],
    ["four sentences with Mr. and e.g.", "I met Mr. Lee. We used tools, e.g. SQL. It was fun. Thanks."],
    ["many short paragraphs", "One. Two.\n\nThree. Four. Five.\n\nSix. Seven. Eight. Nine."],
    ["short paragraphs with Windows line endings", "One. Two. Three.\r\n\r\nFour. Five. Six."],
    ["a paragraph of lines without stops", "Best regards,\nJo\nAnalyst\nBerlin\njo@x.com"],
    ["a URL full of dots", "My work: https://a.b.c/d.e.f.g. It is public. Have a look. Thanks."],
  ])("passes a paragraph with %s", (_label, body) => {
    expect(checkLength(makeInput({ body, signature: "" })).severity).toBe("pass");
  });

  it.each([
    ["five sentences", "Dear Anna,\n\nOne. Two. Three. Four. Five.", 2, 5],
    ["six with questions", "Hi.\n\nWhy? Because. Yes! No. Maybe. Sure.", 2, 6],
    ["five in the first paragraph", "Dear Anna, thanks. It was fun. I liked it. Truly. Bye.", 1, 5],
    ["five after a title", "Dear Dr. Lee. One. Two. Three. Four.", 1, 5],
    ["five across line breaks", "One.\nTwo.\nThree.\nFour.\nFive.", 1, 5],
    ["five after Windows line endings", "Dear Anna,\r\n\r\nOne. Two. Three. Four. Five.\r\n\r\nBest,\r\nJo", 2, 5],
  ])("warns on a paragraph with %s, pointing at it", (_label, body, paragraph, sentences) => {
    const result = checkLength(makeInput({ body, signature: "" }));
    expect(result.severity).toBe("warn");
    const finding = result.findings[0];
    expect(finding?.message).toBe(`Paragraph ${paragraph} has ${sentences} sentences; split it or cut it to 4 or fewer.`);
    expect(body.slice(finding?.start, finding?.end).replace(/\s+/g, " ")).toBe(finding?.excerpt);
  });
});

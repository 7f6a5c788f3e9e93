import { MAX_SENTENCES_PER_PARAGRAPH, MAX_WORDS_BY_KIND } from "./constants";
import { makeResult } from "./result";
import { maskProtectedSpans, quoteStart, splitParagraphs } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput, DraftKind } from "./types";

const KIND_NAMES: Record<DraftKind, string> = {
  thank_you: "thank-you",
  letter: "letter",
  follow_up: "follow-up",
  gracious_reply: "reply",
};

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "dept",
  "approx", "e.g", "i.e", "a.m", "p.m", "ca", "cf", "u.s", "u.k",
]);
const SENTENCE_END = /[.!?…]+(?=["'’”)\]]*(?:\s|$))/g;
const HAS_LETTER = /[\p{L}\p{N}]/u;

/** Whitespace-separated tokens with a letter or digit: a URL or an email is one word, a dash is none. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((token) => HAS_LETTER.test(token)).length;
}

export function countSentences(paragraph: string): number {
  const masked = maskProtectedSpans(paragraph);
  let count = 0;
  let from = 0;
  for (const match of masked.matchAll(SENTENCE_END)) {
    const before = masked.slice(from, match.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1] ?? "";
    const isAbbreviation = match[0] === "." && (ABBREVIATIONS.has(lastWord.toLowerCase()) || /^\p{Lu}$/u.test(lastWord));
    if (isAbbreviation || !HAS_LETTER.test(before)) continue;
    count += 1;
    from = match.index + match[0].length;
  }
  return HAS_LETTER.test(masked.slice(from)) ? count + 1 : count;
}

function isSignatureInBody(body: string, signature: string): boolean {
  const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
  return collapse(body).includes(collapse(signature));
}

/**
 * docs/rules.md "Message checks": length: "thank-you > 200 words, follow-up > 150 words, any paragraph > 4 sentences".
 * The greeting and the signature count: they are part of what the interviewer reads.
 */
export function checkLength(input: DraftCheckInput): CheckResult {
  const findings: CheckFinding[] = [];
  const limit = MAX_WORDS_BY_KIND[input.kind];
  const signature = input.signature.trim();
  const addsSignature = signature !== "" && !isSignatureInBody(input.body, signature);
  const words = countWords(input.body) + (addsSignature ? countWords(signature) : 0);
  if (words > limit) {
    const withSignature = addsSignature ? " including your signature" : "";
    findings.push({
      message: `This ${KIND_NAMES[input.kind]} has ${words} words${withSignature}; keep it to ${limit} or fewer (a few short paragraphs).`,
    });
  }
  splitParagraphs(input.body).forEach((paragraph, index) => {
    const sentences = countSentences(paragraph.text);
    if (sentences <= MAX_SENTENCES_PER_PARAGRAPH) return;
    findings.push({
      message: `Paragraph ${index + 1} has ${sentences} sentences; split it or cut it to ${MAX_SENTENCES_PER_PARAGRAPH} or fewer.`,
      excerpt: quoteStart(paragraph.text),
      start: paragraph.start,
      end: paragraph.end,
    });
  });
  return makeResult("length", findings);
}

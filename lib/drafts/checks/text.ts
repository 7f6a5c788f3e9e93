import { EXCERPT_MAX_CHARS, HONORIFICS } from "./constants";
import type { CheckFinding, TextSpan } from "./types";

type Range = { start: number; end: number };

const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const EMAIL_PATTERN = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DOMAIN_PATTERN =
  /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|io|dev|co|uk|de|fr|eu|ai|app|me|info|edu|gov|tech|jobs)\b(?:\/[^\s<>"]*)?/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"’]+$/u;
/** Letters (with combining accents) and digits, joined by inner apostrophes: "O'Brien", "don’t", "Zoë". */
const WORD_PATTERN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const PARAGRAPH_BREAK = /\r?\n[ \t]*\r?\n\s*/g;

/** URLs, email addresses and bare domains: their words are not prose, so no check reads inside them. */
export function findProtectedSpans(text: string): Range[] {
  const ranges: Range[] = [];
  for (const pattern of [URL_PATTERN, EMAIL_PATTERN, DOMAIN_PATTERN]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0].replace(TRAILING_PUNCTUATION, "");
      ranges.push({ start: match.index, end: match.index + value.length });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export function isProtected(ranges: Range[], start: number, end: number): boolean {
  return ranges.some((range) => start < range.end && end > range.start);
}

/** Replaces protected spans with spaces, keeping every offset where it was. */
export function maskProtectedSpans(text: string): string {
  let masked = text;
  for (const range of findProtectedSpans(text)) {
    masked = masked.slice(0, range.start) + " ".repeat(range.end - range.start) + masked.slice(range.end);
  }
  return masked;
}

/** Curly and modifier apostrophes become straight ones; one UTF-16 unit each, so offsets hold. */
export function normalizeApostrophes(text: string): string {
  return text.replace(/[’‘ʼ]/g, "'");
}

/** Comparable form of a word or name: NFC (so a decomposed "é" equals "é") and straight apostrophes. */
export function normalizeWord(word: string): string {
  return normalizeApostrophes(word.normalize("NFC"));
}

/** "Acme's" -> "Acme", "engineers'" -> "engineers". */
export function stripPossessive(word: string): string {
  return word.replace(/['’ʼ][sS]$/u, "").replace(/['’ʼ]$/u, "");
}

/** The words of `text` outside URLs and email addresses; hyphenated words come out as their parts. */
export function listWords(text: string): TextSpan[] {
  const ranges = findProtectedSpans(text);
  const words: TextSpan[] = [];
  for (const match of text.matchAll(WORD_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (!isProtected(ranges, start, end)) words.push({ text: match[0], start, end });
  }
  return words;
}

export function splitParagraphs(text: string): TextSpan[] {
  const paragraphs: TextSpan[] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = text.slice(from, to);
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) paragraphs.push({ text: trimmed, start: from + leading, end: from + leading + trimmed.length });
  };
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return paragraphs;
}

/** docs/rules.md "Message checks": the greeting is the first non-empty line of the body. */
export function findGreetingLine(body: string): TextSpan | null {
  let offset = 0;
  for (const line of body.split("\n")) {
    const trimmed = line.trim();
    if (trimmed) {
      const start = offset + line.indexOf(trimmed);
      return { text: trimmed, start, end: start + trimmed.length };
    }
    offset += line.length + 1;
  }
  return null;
}

const HONORIFIC_SET = new Set(HONORIFICS.map((title) => title.toLowerCase()));

function isHonorific(word: string): boolean {
  return HONORIFIC_SET.has(word.replace(/\.$/, "").toLowerCase());
}

/** A recorded name without titles, as whitespace-separated words: "Dr. Zoë Ørsted-Łukasiewicz" -> ["Zoë", "Ørsted-Łukasiewicz"]. */
export function splitName(name: string): string[] {
  return normalizeWord(name)
    .split(/\s+/)
    .map((word) => word.replace(/,$/, ""))
    .filter((word) => word && !isHonorific(word));
}

/** Each part of a name, hyphenated parts separated: used where a body word must be compared to one part. */
export function splitNameParts(name: string): string[] {
  // "Acme, Inc." is compared word by word, and a word never includes its full stop.
  return splitName(name).flatMap((word) => word.split("-")).map((part) => part.replace(/\.+$/, "")).filter(Boolean);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A short quote of where something is, for findings on long stretches such as paragraphs. */
export function quoteStart(text: string, maxChars = EXCERPT_MAX_CHARS): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= maxChars ? oneLine : `${oneLine.slice(0, maxChars).trimEnd()}…`;
}

export type PhraseRule = { pattern: RegExp; advice: string };

/**
 * Every match of the rules' patterns (global, case-insensitive) outside URLs and emails, with apostrophes
 * normalized so "I’ll" matches "I'll".
 */
export function findPhrases(text: string, rules: PhraseRule[]): Array<TextSpan & { advice: string }> {
  const ranges = findProtectedSpans(text);
  const normalized = normalizeApostrophes(text);
  const found: Array<TextSpan & { advice: string }> = [];
  for (const rule of rules) {
    for (const match of normalized.matchAll(rule.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (isProtected(ranges, start, end) || found.some((prior) => start < prior.end && end > prior.start)) continue;
      found.push({ text: text.slice(start, end), start, end, advice: rule.advice });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Runs a finder on the body and on the subject; subject findings say so and carry `field: "subject"`. */
export function findInSubjectAndBody(
  input: { subject: string; body: string },
  find: (text: string) => CheckFinding[],
): CheckFinding[] {
  const inSubject = find(input.subject).map((finding) => ({
    ...finding,
    field: "subject" as const,
    message: `Subject: ${finding.message}`,
  }));
  const inBody = find(input.body).map((finding) => ({ ...finding, field: "body" as const }));
  return [...inSubject, ...inBody];
}

import { MAX_SPELLING_SUGGESTIONS, MAX_SUGGESTED_WORD_LENGTH, MAX_SUGGESTED_WORDS } from "./constants";
import { makeResult } from "./result";
import { isDictionaryWord, suggestWords } from "./spell-checker";
import { findInSubjectAndBody, listWords, normalizeWord, splitNameParts, stripPossessive } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput } from "./types";

/** Lines that close a letter rather than name its writer. */
const CLOSING_LINE = /^(?:best|regards|kind|warm|warmest|sincerely|thanks|thank|cheers|yours|many|all|respectfully|with)\b/i;
const NAME_WORD = "\\p{Lu}[\\p{L}\\p{M}'’.-]*";
const NAME_PARTICLE = "(?:de|da|do|dos|das|del|della|di|du|la|le|van|von|der|den|ten|bin|al|y)";
/** One to four capitalised words, with lowercase particles between them: "Jo Müller", "Ana de Souza". */
const NAME_LINE = new RegExp(`^${NAME_WORD}(?:\\s+(?:${NAME_PARTICLE}\\s+)*${NAME_WORD}){0,3},?$`, "u");

/**
 * The user's own name, read from the signature: the first name-shaped line that is not a closing
 * ("Best regards,"). Contact lines (digits, "@") never qualify.
 */
export function findSignatureName(signature: string): string | null {
  for (const rawLine of signature.split("\n")) {
    const line = rawLine.trim();
    if (!line || CLOSING_LINE.test(line) || /[\d@]/.test(line)) continue;
    if (NAME_LINE.test(line)) return line.replace(/,$/, "");
  }
  return null;
}

function toKey(word: string): string {
  return stripPossessive(normalizeWord(word)).toLowerCase();
}

/**
 * docs/rules.md "Message checks": spelling: "user's names, company and role terms are added to" the dictionary.
 * They live in a per-call Set so one user's words never leak into another's check.
 */
export function buildPersonalWords(input: DraftCheckInput): Set<string> {
  const sources = [input.company, input.role, input.interviewerName ?? "", findSignatureName(input.signature) ?? ""];
  const words = [...sources.flatMap(splitNameParts), ...input.personalWords.flatMap(splitNameParts)];
  return new Set(words.flatMap((word) => [toKey(word), ...word.split(/['’]/).map(toKey)]).filter(Boolean));
}

function shouldSkip(word: string): boolean {
  return word.length < 2 || /\d/.test(word) || (word === word.toUpperCase() && word !== word.toLowerCase());
}

/** Suggestions are computed for the first few distinct, short misspellings only (they are the expensive part). */
function describe(word: string, suggested: Map<string, string[]>): string {
  let suggestions = suggested.get(word);
  const isAffordable = word.length <= MAX_SUGGESTED_WORD_LENGTH && suggested.size < MAX_SUGGESTED_WORDS;
  if (!suggestions && isAffordable) {
    suggestions = suggestWords(word).slice(0, MAX_SPELLING_SUGGESTIONS);
    suggested.set(word, suggestions);
  }
  const hint = suggestions?.length ? ` Did you mean: ${suggestions.join(", ")}?` : " If it is right, add it to your words.";
  return `"${word}" is not in the dictionary.${hint}`;
}

function findMisspellings(text: string, personalWords: Set<string>, suggested: Map<string, string[]>): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const token of listWords(text)) {
    const word = stripPossessive(normalizeWord(token.text));
    if (shouldSkip(word) || personalWords.has(word.toLowerCase()) || isDictionaryWord(word)) continue;
    findings.push({ message: describe(word, suggested), excerpt: token.text, start: token.start, end: token.end });
  }
  return findings;
}

/** docs/rules.md "Message checks": spelling: "a word is not in the dictionary". */
export function checkSpelling(input: DraftCheckInput): CheckResult {
  const personalWords = buildPersonalWords(input);
  const suggested = new Map<string, string[]>();
  return makeResult(
    "spelling",
    findInSubjectAndBody(input, (text) => findMisspellings(text, personalWords, suggested)),
  );
}

import { distance } from "fastest-levenshtein";
import {
  LONG_NAME_MAX_EDITS,
  MIN_NAME_TOKEN_CHARS,
  SHORT_NAME_MAX_CHARS,
  SHORT_NAME_MAX_EDITS,
} from "./constants";
import { makeResult } from "./result";
import { isDictionaryWord } from "./spell-checker";
import { findSignatureName } from "./spelling";
import { findInSubjectAndBody, listWords, normalizeWord, splitNameParts, stripPossessive } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput, TextSpan } from "./types";

type RecordedName = { spelling: string; whose: string };

function countChars(word: string): number {
  return [...word].length;
}

function maxEdits(name: string): number {
  return countChars(name) <= SHORT_NAME_MAX_CHARS ? SHORT_NAME_MAX_EDITS : LONG_NAME_MAX_EDITS;
}

/** Levenshtein distance, counting one swap of neighbouring letters ("Appel" for "Apple") as one edit. */
function countEdits(a: string, b: string): number {
  const edits = distance(a, b);
  if (edits !== 2 || a.length !== b.length) return edits;
  const differing = [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
  const [first, second] = differing;
  const isSwap =
    differing.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
  return isSwap ? 1 : edits;
}

function isLowercase(word: string): boolean {
  return word === word.toLowerCase();
}

function isSentenceStart(text: string, start: number): boolean {
  return /(?:^|[.!?]\s+|\n\s*)$/.test(text.slice(0, start));
}

/**
 * Ordinary use of a common word, not a name: "apple pie" for the company "Apple", "strive" near "Stripe", or
 * "Park" opening a sentence near "Mark". A capitalised word elsewhere ("Jon" for "John") is still a name.
 */
function isOrdinaryWord(word: string, text: string, start: number): boolean {
  if (isLowercase(word)) return isDictionaryWord(word);
  const isCapitalised = word.slice(1) === word.slice(1).toLowerCase();
  return isCapitalised && isSentenceStart(text, start) && isDictionaryWord(word.toLowerCase());
}

function listRecordedNames(input: DraftCheckInput): RecordedName[] {
  const names: RecordedName[] = [];
  const add = (name: string, whose: string) => {
    for (const part of new Set(splitNameParts(name))) {
      if (countChars(part) >= MIN_NAME_TOKEN_CHARS) names.push({ spelling: part, whose });
    }
  };
  add(input.company, "the company");
  if (input.interviewerName) add(input.interviewerName, "the interviewer");
  return names;
}

/** Words that are legitimately close to a recorded name: the user's own name, the role, their own dictionary. */
function listKnownSpellings(input: DraftCheckInput): Set<string> {
  const sources = [input.company, input.interviewerName ?? "", input.role, findSignatureName(input.signature) ?? "", ...input.personalWords];
  return new Set(sources.flatMap(splitNameParts));
}

/** "API" is an acronym, not "Ali" misspelt: other letters, all capitals, against a name that is not ("ACME" still is). */
function isAcronymOf(word: string, name: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && name !== name.toUpperCase() && word.toLowerCase() !== name.toLowerCase();
}

function compare(token: TextSpan, word: string, text: string, name: RecordedName): CheckFinding | null {
  if (word === name.spelling || isAcronymOf(word, name.spelling)) return null;
  const isSameLetters = word.toLowerCase() === name.spelling.toLowerCase();
  const edits = countEdits(word.toLowerCase(), name.spelling.toLowerCase());
  if (!isSameLetters && edits > maxEdits(name.spelling)) return null;
  if (isOrdinaryWord(word, text, token.start)) return null;
  const how = isSameLetters ? "is capitalised differently from" : "looks like a misspelling of";
  return {
    message: `"${word}" ${how} "${name.spelling}" (${name.whose}, as recorded).`,
    excerpt: token.text,
    start: token.start,
    end: token.end,
  };
}

/** Hyphenated names ("Ørsted-Łukasiewicz") are compared part by part, like the words of the text. */
function findMisspelledNames(text: string, names: RecordedName[], known: Set<string>): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const token of listWords(text)) {
    const word = stripPossessive(normalizeWord(token.text));
    if (countChars(word) < MIN_NAME_TOKEN_CHARS || known.has(word)) continue;
    const finding = names.map((name) => compare(token, word, text, name)).find((found) => found !== null);
    if (finding) findings.push(finding);
  }
  return findings;
}

/**
 * docs/rules.md "Message checks": names: "the company or interviewer name appears misspelled (close to, but not equal
 * to, the recorded spelling)". Case counts ("Obrien", "Zoe" for "Zoë"); URLs and email addresses are not read.
 */
export function checkNames(input: DraftCheckInput): CheckResult {
  const names = listRecordedNames(input);
  const known = new Set([...listKnownSpellings(input)].map(normalizeWord));
  return makeResult("names", findInSubjectAndBody(input, (text) => findMisspelledNames(text, names, known)));
}

/**
 * Deterministic wording: each sentence slot picks one of several phrasings from a hash of the interviewer and
 * the slot, so two interviewers at one company get different notes and the same interviewer always the same one.
 * domain.md "The thank-you": "One message per interviewer, addressed by name. Not one email CC'd to all."
 */

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a: tiny, stable across runtimes, good enough to spread ids over a handful of phrasings. */
export function hashText(text: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

export type Picker = <T>(slot: string, options: readonly [T, ...T[]]) => T;

export function createPicker(seed: string): Picker {
  return <T,>(slot: string, options: readonly [T, ...T[]]): T => options[hashText(`${seed}|${slot}`) % options.length] ?? options[0];
}

/** Words that start a clause ("I explained ...", "We both cycle") rather than a noun phrase ("my pipeline story"). */
const CLAUSE_STARTS = new Set([
  "i", "i'm", "i've", "i'd", "i'll", "we", "we're", "we've", "you", "you're", "you've", "they", "they're", "they've",
  "it", "it's", "he", "she", "there", "there's", "both",
]);

/** First words that are ordinary English, so lowercasing them mid-sentence is safe; anything else keeps its case. */
const LOWERCASE_SAFE = new Set([
  "a", "an", "the", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these", "those", "some",
  "how", "what", "why", "when", "where", "which", "who", "whether", "about", "on", "in", "at", "for", "with", "from",
  "to", "of", "by", "during", "after", "before", "between", "more", "most", "each", "every", "all", "both", "one",
  "two", "three", "several", "many", "few", "new", "next", "current", "recent", "weekly", "daily", "monthly",
  "shared", "common", "team", "teams", "data", "customer", "customers", "product", "sales", "project", "projects",
  "plans", "plan", "questions", "question", "role", "work", "experience", "interest", "love", "mutual",
  "we", "you", "they", "it", "there", "he", "she", "it's", "there's", "we're", "you're", "they're",
]);
/** Capitalised words ending in "-ing" that are names, not gerunds. */
const NOT_GERUNDS = new Set(["boeing", "beijing", "viking", "sterling", "harding", "king", "ming", "xing", "nanjing", "reading"]);

function isLowercaseSafe(word: string): boolean {
  if (!/^\p{Lu}[\p{Ll}'’]*$/u.test(word)) return false;
  const lower = word.toLowerCase().replace(/’/g, "'");
  if (LOWERCASE_SAFE.has(lower)) return true;
  return lower.length >= 5 && lower.endsWith("ing") && !NOT_GERUNDS.has(lower);
}

function firstWord(text: string): string {
  return /^[\p{L}\p{M}'’]+/u.exec(text)?.[0] ?? "";
}

/**
 * The first item of a note, trimmed, without its trailing full stop: notes are the user's own words, often a list
 * ("spreadsheets to dashboards; cleaning sales data"), and one item keeps the message short.
 */
export function takeFirstItem(note: string | undefined): string {
  const item = (note ?? "").split(/\r?\n|;|•/)[0] ?? "";
  return item.replace(/\s+/g, " ").trim().replace(/^[-*–—]\s*/, "").replace(/[.,:;!\s]+$/u, "").trim();
}

/** The whole note as one line, trimmed, without a trailing full stop. */
export function takeWholeNote(note: string | undefined): string {
  return (note ?? "").replace(/\s+/g, " ").trim().replace(/[.,:;\s]+$/u, "").trim();
}

export function isClause(text: string): boolean {
  return CLAUSE_STARTS.has(firstWord(text).toLowerCase().replace(/’/g, "'"));
}

/** For use mid-sentence: the first letter lowercased only when the first word is plainly not a name or acronym. */
export function toMidSentence(text: string): string {
  const word = firstWord(text);
  if (word.toLowerCase() === "i" || !isLowercaseSafe(word)) return text;
  return word.toLowerCase() + text.slice(word.length);
}

/** "Both cycle to work" -> "we both cycle to work": the usual shorthand for a shared interest. */
export function toSharedClause(text: string): string {
  if (/^both\s/i.test(text)) return `we both ${text.slice(5)}`;
  return toMidSentence(text);
}

/** Starts a sentence with the note: first letter capitalised, a full stop added unless it ends with ? or !. */
export function toSentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "Forgot to mention the Tableau certification" -> "the Tableau certification". */
export function stripForgotPrefix(text: string): string {
  return text.replace(/^(?:I\s+)?(?:forgot|didn't\s+get|did\s+not\s+get|wanted)\s+to\s+(?:mention|say|add|clarify)\s*(?:that\s+)?:?\s*/i, "").trim();
}

export function joinSentences(...sentences: Array<string | null | undefined | false>): string {
  return sentences.filter((sentence): sentence is string => typeof sentence === "string" && sentence.trim() !== "").join(" ");
}

const HONORIFIC = /^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Sir|Dame)\.?$/i;

/**
 * How the greeting names them: the first name ("Dear Siobhan,"), or title and surname when the recorded name has a
 * title ("Dear Dr. Ørsted-Łukasiewicz,"). domain.md "Message checks": greeting uses the name as recorded.
 */
export function addressName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  if (HONORIFIC.test(first) && words.length > 1) return `${first} ${words[words.length - 1]}`;
  return first;
}

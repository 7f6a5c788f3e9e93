/**
 * Deterministic wording: each sentence slot picks one of several phrasings from a hash of the interviewer and
 * the slot, so two interviewers at one company get different notes and the same interviewer always the same one.
 * docs/rules.md "The thank-you": "One message per interviewer, addressed by name. Not one email CC'd to all."
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

/**
 * Where a sentence ends on the user's text: "Acme, Inc." + "." is one full stop, "?" + "." is "?", a doubled space
 * or a space before punctuation goes.
 */
export function tidySentence(sentence: string): string {
  return sentence
    .replace(/\s+/g, " ")
    .replace(/\s+([.,;:!?])/g, "$1")
    .replace(/([.!?])\.(?=\s|$)/g, "$1")
    .replace(/([!?])[.,](?=\s|$)/g, "$1")
    .trim();
}

export function joinSentences(...sentences: Array<string | null | undefined | false>): string {
  return sentences
    .filter((sentence): sentence is string => typeof sentence === "string" && sentence.trim() !== "")
    .map(tidySentence)
    .join(" ");
}

/** Starts a sentence with a piece of text: its first letter capitalised. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const HONORIFIC = /^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor|Sir|Dame)\.?$/i;

/**
 * How the greeting names them: the first name ("Dear Siobhan,"), or title and surname when the recorded name has a
 * title ("Dear Dr. Ørsted-Łukasiewicz,"). docs/rules.md "Message checks": greeting uses the name as recorded.
 */
export function addressName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? "";
  if (HONORIFIC.test(first) && words.length > 1) return `${first} ${words[words.length - 1]}`;
  return first;
}

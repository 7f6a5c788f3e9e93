import dictionary from "dictionary-en";
import nspell from "nspell";
import { SUGGESTION_CACHE_SIZE } from "./constants";

/** Everyday job-search words the en-US dictionary lacks, so a correct draft does not warn on them. */
const JOB_VOCABULARY = [
  "onboarding", "roadmap", "roadmaps", "frontend", "backend", "fullstack", "skillset", "skillsets", "scalable",
  "upskilling", "reskilling", "microservice", "microservices", "cybersecurity", "fintech", "healthtech", "edtech",
  "SaaS", "LinkedIn", "Jira", "Figma", "Postgres", "ok", "nonprofit", "nonprofits", "hybrid", "onsite", "rebrand",
  "rebrands", "rebranding", "barcode", "barcodes",
];

/** British and other non-US spellings, tried as their US form: "colour" -> "color", "realise" -> "realize". */
const BRITISH_TO_US: Array<[RegExp, string]> = [
  [/our(s|ed|ing|ite|ites|able)?$/, "or$1"],
  [/is(e|es|ed|ing|ation|ations)$/, "iz$1"],
  [/ys(e|es|ed|ing)$/, "yz$1"],
  [/tre(s)?$/, "ter$1"],
  [/ll(ed|ing|er|ers)$/, "l$1"],
  [/ogue(s)?$/, "og$1"],
  [/mme(s)?$/, "m$1"],
  [/ence$/, "ense"],
];

let spellChecker: ReturnType<typeof nspell> | null = null;
const suggestionCache = new Map<string, string[]>();

/**
 * The en-US checker, built on first use and then shared by every call in the process: building it parses the
 * whole Hunspell dictionary (a few hundred ms). Never add per-user words to it; callers keep those in a Set.
 */
export function getSpellChecker(): ReturnType<typeof nspell> {
  if (!spellChecker) {
    const { aff, dic } = dictionary;
    const toBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    spellChecker = nspell({ aff: toBuffer(aff), dic: toBuffer(dic) });
    for (const word of JOB_VOCABULARY) spellChecker.add(word);
  }
  return spellChecker;
}

export function isDictionaryWord(word: string): boolean {
  const checker = getSpellChecker();
  if (checker.correct(word)) return true;
  const lower = word.toLowerCase();
  return BRITISH_TO_US.some(([pattern, replacement]) => {
    if (!pattern.test(lower)) return false;
    const american = lower.replace(pattern, replacement);
    return american !== lower && checker.correct(word === lower ? american : american[0]?.toUpperCase() + american.slice(1));
  });
}

/** nspell's suggestions, cached because one suggestion costs several milliseconds and drafts are re-checked often. */
export function suggestWords(word: string): string[] {
  const cached = suggestionCache.get(word);
  if (cached) return cached;
  const suggestions = getSpellChecker().suggest(word);
  if (suggestionCache.size >= SUGGESTION_CACHE_SIZE) {
    const oldest = suggestionCache.keys().next().value;
    if (oldest !== undefined) suggestionCache.delete(oldest);
  }
  suggestionCache.set(word, suggestions);
  return suggestions;
}

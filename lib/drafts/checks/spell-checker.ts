import dictionary from "dictionary-en";
import nspell from "nspell";
import { SUGGESTION_CACHE_SIZE } from "./constants";

/** Everyday job-search words the en-US dictionary lacks, so a correct draft does not warn on them. */
const JOB_VOCABULARY = [
  "onboarding", "roadmap", "roadmaps", "frontend", "backend", "fullstack", "skillset", "skillsets", "scalable",
  "upskilling", "reskilling", "microservice", "microservices", "cybersecurity", "fintech", "healthtech", "edtech",
  "SaaS", "LinkedIn", "Jira", "Figma", "Postgres", "ok", "nonprofit", "nonprofits", "hybrid", "onsite", "rebrand",
  "rebrands", "rebranding", "barcode", "barcodes", "integrations", "maths",
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

const ALPHABET = "abcdefghijklmnopqrstuvwxyz";

/**
 * Every spelling one edit away, the likeliest slips first: two letters swapped ("recieve" ->
 * "receive"), a letter missing ("adress"), a wrong letter ("definately"), a letter too many
 * ("untill"). About 54 candidates a letter.
 */
function editsOf(word: string): string[] {
  const edits: string[] = [];
  for (let i = 0; i < word.length - 1; i += 1) edits.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i <= word.length; i += 1) for (const letter of ALPHABET) edits.push(word.slice(0, i) + letter + word.slice(i));
  for (let i = 0; i < word.length; i += 1) {
    for (const letter of ALPHABET) if (letter !== word[i]) edits.push(word.slice(0, i) + letter + word.slice(i + 1));
  }
  for (let i = 0; i < word.length; i += 1) edits.push(word.slice(0, i) + word.slice(i + 1));
  return edits;
}

/**
 * Corrections one edit away that the dictionary accepts. nspell's own suggest() also explores two
 * edits with every affix, which took 0.3-1.7 s for a word with no near match ("Snowpara", "Qwrtzp"):
 * one draft preview of pasted nonsense held the server for seconds. One edit catches the usual
 * slip (a swapped, doubled, missing or wrong letter) in a few milliseconds at most.
 */
function findCorrections(word: string): string[] {
  const checker = getSpellChecker();
  const isCapitalised = word[0] !== undefined && word[0] !== word[0].toLowerCase();
  const lower = word.toLowerCase();
  const found = new Set<string>();
  for (const candidate of editsOf(lower)) {
    if (found.has(candidate) || candidate.length === 0) continue;
    if (checker.correct(candidate)) found.add(candidate);
    else if (isCapitalised && checker.correct(candidate[0]!.toUpperCase() + candidate.slice(1))) found.add(candidate);
  }
  return [...found].map((candidate) => (isCapitalised ? candidate[0]!.toUpperCase() + candidate.slice(1) : candidate));
}

/** Corrections, cached because drafts are re-checked as the user types. */
export function suggestWords(word: string): string[] {
  const cached = suggestionCache.get(word);
  if (cached) return cached;
  const suggestions = findCorrections(word);
  if (suggestionCache.size >= SUGGESTION_CACHE_SIZE) {
    const oldest = suggestionCache.keys().next().value;
    if (oldest !== undefined) suggestionCache.delete(oldest);
  }
  suggestionCache.set(word, suggestions);
  return suggestions;
}

import { hasTag, tagText, type Word } from "../nlp";
import { TO_DO_VERB } from "../notes";
import type { CheckFinding } from "./types";

// Sentence structure from compromise's part-of-speech tags: what a spliced note breaks. Each rule looks for one shape
// that is wrong in any register (docs/drafts.md "The grammar check"), so a correct letter never warns.

/** Words that open a new clause inside a sentence: after one, a second subject and verb are expected. */
const CLAUSE_OPENERS = new Set([
  "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "if", "since", "unless", "whereas",
  "that", "which", "who", "whom", "whose", "where", "when", "how", "what", "why", "whether", "once", "until",
]);
const SUBORDINATORS = new Set(["because", "although", "though", "while", "if", "since", "unless", "whereas", "when", "once", "until"]);
const SUBJECTS = new Set(["i", "we", "you", "they", "he", "she", "it"]);
/** Forms of be, have and do that only some subjects take. */
const AGREEMENT: Record<string, readonly string[]> = {
  i: ["is", "are", "has", "does", "were"],
  we: ["is", "am", "was", "has", "does"],
  you: ["is", "am", "was", "has", "does"],
  they: ["is", "am", "was", "has", "does"],
  he: ["are", "am", "were", "have", "do", "don't"],
  she: ["are", "am", "were", "have", "do", "don't"],
  it: ["are", "am", "were", "have", "do", "don't"],
};

type Clause = { hasMainVerb: boolean; isSubordinate: boolean };

function isFiniteVerb(word: Word, previous: Word | undefined, next?: Word): boolean {
  if (hasTag(word, "Hyphenated", "Gerund")) return false;
  // "rebuilt ranking": a past form with an object is a clause's verb; "published in May" may be a participle.
  if (hasTag(word, "PastTense") && hasTag(word, "Participle")) return hasTag(next, "Noun", "Determiner", "Gerund", "Value") && !hasTag(next, "Pronoun", "Preposition");
  if (hasTag(word, "Participle")) return false;
  if (hasTag(word, "Copula", "Modal", "Auxiliary", "PastTense")) return hasTag(word, "Verb");
  if (!hasTag(word, "Verb")) return false;
  if (hasTag(word, "Infinitive")) return hasTag(previous, "Pronoun") && SUBJECTS.has(previous?.normal ?? "") && !["he", "she", "it"].includes(previous?.normal ?? "");
  return hasTag(word, "PresentTense");
}

function isNounPhraseWord(word: Word | undefined): boolean {
  return hasTag(word, "Noun", "Adjective", "Determiner", "Value", "Gerund", "Hyphenated") && !SUBJECTS.has(word?.normal ?? "") && !hasTag(word, "Verb");
}

/**
 * What stands before a verb: the noun phrase right before it, and what precedes that phrase. A phrase after a
 * preposition is the preposition's object, so a verb after it has no subject of its own ("about my experience
 * running reviews resonated"); a phrase right after another noun is the subject of a relative clause ("the migration
 * your team starts").
 */
function readSubject(words: Word[], index: number): "object" | "relative" | "other" {
  let start = index;
  for (;;) {
    while (start > 0 && isNounPhraseWord(words[start - 1])) {
      start -= 1;
      const word = words[start]!;
      const before = words[start - 1];
      const opensPhrase = hasTag(word, "Determiner") || (hasTag(word, "Possessive") && hasTag(word, "Pronoun"));
      if (opensPhrase && hasTag(before, "Noun") && !hasTag(before, "Pronoun", "Possessive")) return "relative";
    }
    if (start === index) return hasTag(words[index - 1], "Pronoun") && isNounLike(words, index - 2) ? "relative" : "other";
    const before = words[start - 1];
    if (!isPreposition(before)) return "other";
    // "my experience with Spark jobs shows": the phrase after "with" belongs to a noun, so the whole is the subject.
    const owner = words[start - 2];
    if (!hasTag(owner, "Noun") || hasTag(owner, "Pronoun")) return "object";
    start -= 1;
  }
}

/** A noun, or a word tagged as a bare verb where a noun stands ("the housing report you wrote", "the hospital build"). */
function isNounLike(words: Word[], index: number): boolean {
  const word = words[index];
  if (hasTag(word, "Pronoun")) return false;
  if (hasTag(word, "Noun")) return true;
  const before = words[index - 1];
  return hasTag(word, "Infinitive") && hasTag(before, "Determiner", "Adjective", "Noun") && !hasTag(before, "Pronoun");
}

function isPreposition(word: Word | undefined): boolean {
  return hasTag(word, "Preposition") || word?.normal === "to";
}

/** "that" opens a clause before a subject ("that you traced it"), not before a noun ("that project"). */
function isClauseOpener(word: Word, next: Word | undefined): boolean {
  if (!CLAUSE_OPENERS.has(word.normal)) return false;
  return word.normal !== "that" || hasTag(next, "Pronoun") || !hasTag(next, "Noun");
}

function finding(text: string, from: Word, to: Word, message: string, offset: number): CheckFinding {
  const start = from.start + offset;
  const end = to.end + offset;
  return { message, excerpt: text.slice(start, end), start, end };
}

/** `offset` is where the sentence's words sit in `text`: the tagged words keep offsets into their own sentence. */
function findInSentence(text: string, all: Word[], offset: number): CheckFinding[] {
  const words = all.filter((word) => word.text !== "" || word.implicit !== null);
  const findings: CheckFinding[] = [];
  let clause: Clause = { hasMainVerb: false, isSubordinate: false };
  let previousClause: Clause | null = null;
  let isAfterComma = false;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index]!;
    const previous = words[index - 1];
    if (/[;:—–]/.test(previous?.post ?? "") || (/,/.test(previous?.post ?? "") && CLAUSE_OPENERS.has(word.normal))) {
      previousClause = null;
      clause = { hasMainVerb: false, isSubordinate: SUBORDINATORS.has(word.normal) };
    } else if (/,/.test(previous?.post ?? "")) {
      previousClause = clause;
      isAfterComma = true;
      clause = { hasMainVerb: false, isSubordinate: false };
    } else if (isClauseOpener(word, words[index + 1])) {
      previousClause = null;
      clause = { hasMainVerb: false, isSubordinate: SUBORDINATORS.has(word.normal) };
      continue;
    }
    const next = words[index + 1];
    const isSubjectPosition = index === 0 || isClauseOpener(previous!, word) || /[,;:]/.test(previous?.post ?? "");
    const isBareThirdPerson = ["he", "she", "it"].includes(word.normal) && hasTag(next, "Infinitive") && !hasTag(next, "PastTense", "Copula", "Modal");
    const isMismatch = next !== undefined && AGREEMENT[word.normal]?.includes(next.implicit ?? next.normal) === true && hasTag(next, "Verb");
    if (SUBJECTS.has(word.normal) && isSubjectPosition && next && (isMismatch || isBareThirdPerson)) {
      findings.push(finding(text, word, next, `"${text.slice(word.start + offset, next.end + offset)}": the verb does not agree with "${word.text}".`, offset));
    }
    // A bare verb with its own object after a preposition: "about ask about visa sponsorship", "about email them".
    const after = words[index + 2];
    const isToDoVerb = TO_DO_VERB.test(next?.normal ?? "") && hasTag(after, "Preposition", "Pronoun", "Determiner");
    const isVerbWithObject = hasTag(next, "Infinitive") && !hasTag(next, "Noun", "Gerund") && hasTag(after, "Pronoun", "Determiner");
    const isClean = next !== undefined && word.post.trim() === "" && next.post.trim() === "" && !CLAUSE_OPENERS.has(after?.normal ?? "");
    if (hasTag(word, "Preposition") && word.normal !== "to" && next && isClean && (isToDoVerb || isVerbWithObject)) {
      findings.push(finding(text, word, next, `"${text.slice(word.start + offset, next.end + offset)}": a verb follows "${word.text}", where a noun phrase is needed (a note to yourself?).`, offset));
    }
    const isGroupContinuation = hasTag(previous, "Verb", "Adverb", "Negative") && !hasTag(previous, "Noun");
    if (!isFiniteVerb(word, previous, next) || isGroupContinuation) {
      isAfterComma = isAfterComma && index > 0 && !hasTag(word, "Verb") && SUBJECTS.has(word.normal);
      continue;
    }
    const subject = readSubject(words, index);
    if (subject === "object" && clause.hasMainVerb) {
      findings.push(
        finding(text, word, word, `"${word.text}" has no subject of its own here: a whole clause stands where a noun phrase is needed. Rephrase the sentence or split it.`, offset),
      );
    } else if (isAfterComma && previousClause?.hasMainVerb && !previousClause.isSubordinate && SUBJECTS.has(previous?.normal ?? "")) {
      findings.push(finding(text, previous!, word, `Two sentences are joined with only a comma before "${previous!.text} ${word.text}"; use a full stop or "and".`, offset));
    }
    isAfterComma = false;
    if (subject !== "relative") clause.hasMainVerb = true;
  }
  return findings;
}

/** Doubled sentence ends ("Inc..", "?.", "!.") where the user's text met a frame's full stop. */
function findDoubledPunctuation(text: string): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const match of text.matchAll(/(?<![.])(?:\.\.(?!\.)|[?!]\.(?!\.)|\.[?!])/g)) {
    findings.push({ message: `"${match[0]}": a sentence ends twice; keep one mark.`, excerpt: match[0], start: match.index, end: match.index + match[0].length });
  }
  return findings;
}

/** Clauses where a noun phrase is needed, comma splices, broken agreement and doubled sentence ends. */
export function findStructureErrors(text: string): CheckFinding[] {
  const findings = findDoubledPunctuation(text);
  for (const { sentence, offset } of tagText(text)) findings.push(...findInSentence(text, sentence.words, offset));
  return findings;
}

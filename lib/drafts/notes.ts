import { isDictionaryWord, suggestWords } from "./checks/spell-checker";
import { hasTag, tagSentences, toInfinitive, type Word } from "./nlp";

// Reading a note before it goes into a sentence: what kind of thing it is (a noun phrase, a clause, a question, a
// to-do, a private remark), shortened to its point, in the person the message speaks in ("they traced it" becomes
// "you traced it" in a message to them). Notes that cannot be placed well are left out. docs/drafts.md says why.

/**
 * "phrase" fits after "about"; "clause" has its own subject and verb and fits after "that" or a colon; "quote" is
 * their words in quotation marks, kept as said.
 */
export type NoteForm = "phrase" | "clause" | "quote";

export type NotePiece = {
  text: string;
  form: NoteForm;
  /** The clause's subject is the candidate ("I", "we"), so it cannot follow "I heard that". */
  isFirstPerson: boolean;
};

export type NoteField = "detail" | "topics" | "wentWell" | "toClarify" | "shared";

/** Longer notes are cut back to their first clause: a thank-you quotes a detail, not the whole notebook. */
const MAX_NOTE_WORDS = 22;
const MIN_CUT_WORDS = 4;
const MAX_TOPIC_ITEMS = 3;
/** A sentence this long that cannot be used whole is tried clause by clause. */
const MIN_SPLIT_WORDS = 12;
const CLAUSE_BREAK = /[,;:]\s+|\s+(?:and|but|so|then|because|which)\s+(?=(?:i|we|they|he|she|it|you|there|the|honestly|then)\b)/i;
const MAX_TOPIC_WORDS = 16;
/**
 * Short words outside the dictionary are mostly jargon and tool names ("cron", "helm", "vite"), and one slip away
 * from an unrelated word ("corn"): correcting them would put a wrong word in the user's mouth. The spelling check
 * still points them out, where the user decides.
 */
const MIN_CORRECTABLE_CHARS = 6;
/** A lowercase name the dictionary knows capitalised ("kafka") is safe to capitalise from this length. */
const MIN_CAPITALISED_CHARS = 4;
/** One letter added, dropped or changed, or two neighbours swapped: a typo, not another word ("barcode" is not "arcade"). */
const MAX_CORRECTION_EDITS = 1;
/** A suggestion costs a few milliseconds; a sentence of unknown words (jargon, another language) stops after this many. */
const MAX_CORRECTIONS_PER_SENTENCE = 4;
/** A note of hundreds of lines is read until a usable item is found among its first few, never to its end. */
export const MAX_ITEMS_READ = 12;

/** Shorthand candidates write in notes and never in a letter. */
const SHORTHAND: Array<[RegExp, string]> = [
  [/\babt\b/gi, "about"],
  [/\bw\/(?=\s)/gi, "with"],
  [/\bb\/c\b/gi, "because"],
  [/\bthru\b/gi, "through"],
  [/\bppl\b/gi, "people"],
  [/\bconvo\b/gi, "conversation"],
  [/\bmgr\b/gi, "manager"],
  [/\bmgmt\b/gi, "management"],
  [/\btho\b/gi, "though"],
  [/\s&\s/g, " and "],
];

/** Marks of a note to self; compromise tags words, it does not know what a candidate keeps private. */
const PRIVATE_MARKERS =
  /\b(?:bomb(?:ed)?|blank(?:ed)?|mess(?:ed)? up|rambl(?:e|ed|ing)|stumbl(?:e|ed)|fumbl(?:e|ed)|nervous|awkward|embarrass\w*|panick?(?:ed)?|screw(?:ed)? up|botch(?:ed)?|choked|stupid|dumb|terrible|awful|hated?|boring|rude|arrogant|weird|red flag|toxic|lowball\w*|salary|pay range|underpaid|vibes?|ugh|meh|lol|tbh|idk|not sure (?:if|whether)|hope I|think I|felt like I|feel like I)\b/i;
/** The verbs a to-do starts with; the grammar check also reads one after "about" as a to-do pasted into a frame. */
export const TO_DO_VERB = /^(?:remember|follow|look|find|check|ask|send|email|e-mail|research|prepare|prep|read|call|update|mention)$/i;
const TODO_START =
  /^(?:to ?do\b|note to self|remember\b|don'?t forget|need to|must\b|should\b|follow up\b|look up\b|look into\b|find out\b|check\b|ask\b|send\b|email\b|e-mail\b|research\b|prepare\b|prep\b|read up\b|call\b|update\b|get back\b)/i;
const CLARIFY_LEAD =
  /^(?:(?:i\s+)?(?:forgot|didn'?t get|did not get|wanted|meant|should have|should've|need|want)\s+(?:to\s+)?(?:mention|say|add|clarify|tell (?:them|you|him|her)|bring up|explain)|(?:mention|add|clarify|tell (?:them|you|him|her)|bring up|explain))\s*(?:that\s+)?:?\s*/i;
const TALKED_LEAD =
  /^(?:(?:we|they|he|she|i)\s+)?(?:(?:started|were|was|got)\s+)?(?:(?:talked|talking|spoke|chatted|chatting|asked(?:\s+me)?|told me|got into)\s+(?:a lot\s+)?(?:about|on|re)?|discussed|covered|went over|re:?)\s+/i;
const FILLER_LEAD = /^(?:so|and|but|then|also|honestly|basically|anyway|plus|oh|ok|okay)\b[,\s]+/i;
const REPORTED_LEAD = /^(?:[\p{Lu}][\p{L}'’-]+|he|she|they|the interviewer|interviewer)\s+(?:said|mentioned|told me|explained|shared|noted|pointed out)\s+(?:that\s+)?/iu;
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{1F3FB}-\u{1F3FF}\u200D\uFE0F]/gu;
const EMOTICON = /(?:^|\s)(?:[:;=]-?[()DPp3/\\|]+|<3|xD)(?=\s|$|[.,!?])/g;
const BULLET = /^\s*(?:[-*•–—>]+|\d+[.)])\s+/;

const TO_SECOND_PERSON: Record<string, string> = {
  they: "you", them: "you", their: "your", theirs: "yours", themselves: "yourselves", themself: "yourself",
  he: "you", she: "you", him: "you", his: "your", himself: "yourself", herself: "yourself",
};
const CONTRACTIONS_TO_SECOND_PERSON: Record<string, string> = {
  "they're": "you're", "they've": "you've", "they'll": "you'll", "they'd": "you'd",
  "he's": "you're", "she's": "you're", "he'll": "you'll", "she'll": "you'll", "he'd": "you'd", "she'd": "you'd",
};
/** After "he"/"she" becomes "you", the verb agrees with "you". */
const SECOND_PERSON_VERBS: Record<string, string> = {
  is: "are", was: "were", has: "have", does: "do", "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't", "doesn't": "don't",
};

type Token = { text: string; pre: string; post: string; word: Word };

/** Emoji, emoticons, shorthand and doubled punctuation out; a note wrapped in quotes unwrapped. */
export function cleanNote(note: string): string {
  let text = note.normalize("NFC").replace(EMOJI, "").replace(EMOTICON, " ");
  for (const [pattern, replacement] of SHORTHAND) text = text.replace(pattern, replacement);
  text = text
    .replace(/([!?])[!?]+/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
  const quoted = /^["“'‘](.*)["”'’]$/u.exec(text);
  return (quoted ? quoted[1]! : text).trim();
}

/** A note's items: its lines or bullets, else its semicolon-separated parts. */
export function splitItems(note: string): string[] {
  const lines = note.split(/\r?\n/).map((line) => line.replace(BULLET, "").trim()).filter(Boolean);
  const items = lines.length > 1 ? lines : (lines[0] ?? "").split(/\s*;\s*/);
  return items.map(cleanNote).filter((item) => /[\p{L}\p{N}]/u.test(item));
}

function visible(words: readonly Word[]): Word[] {
  return words.filter((word) => word.text !== "" || word.implicit !== null);
}

function toTokens(words: readonly Word[]): Token[] {
  return visible(words).map((word) => ({ text: word.text, pre: word.pre, post: word.post, word }));
}

function joinTokens(tokens: readonly Token[]): string {
  return tokens
    .map((token, index) => {
      const pre = index === 0 ? "" : token.pre;
      const post = index === tokens.length - 1 ? "" : token.post || (token.text && tokens[index + 1]?.text ? " " : "");
      return pre + token.text + post;
    })
    .join("")
    .replace(/\s+/g, " ")
    .replace(/[\s,;:–—-]+$/u, "")
    .replace(/[.!?…]+$/u, (ending, offset: number, whole: string) => (/\b\p{Lu}[\p{L}]{0,3}$/u.test(whole.slice(0, offset)) && ending === "." ? "." : ""))
    .trim();
}

/** "rebuilt ranking", "built it": a past form with an object is the clause's verb, not a participle ("built in 2019"). */
function hasObject(next: Word | undefined): boolean {
  return hasTag(next, "Noun", "Determiner", "Pronoun", "Gerund", "Value", "Adjective") && !hasTag(next, "Preposition");
}

function isFinite(word: Word | undefined, previous: Word | undefined, next?: Word): boolean {
  if (!word) return false;
  if (hasTag(word, "PastTense") && hasTag(word, "Participle")) return hasObject(next);
  if (hasTag(word, "Copula", "Modal", "Auxiliary", "PastTense")) return !hasTag(word, "Gerund", "Participle");
  if (!hasTag(word, "Verb") || hasTag(word, "Gerund", "Hyphenated")) return false;
  if (hasTag(word, "Infinitive")) return hasTag(previous, "Pronoun", "Plural") && !/^(?:his|her|its|my|your|our|their)$/.test(previous?.normal ?? "");
  return hasTag(word, "PresentTense");
}

const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "they", "he", "she", "it", "there", "both"]);
const PERSONAL_SUBJECTS = new Set(["i", "we", "you", "they", "he", "she"]);

/**
 * Whether the words are a clause (a subject, then a finite verb) or a phrase. A second noun phrase before the verb
 * ("the migration your team starts", "the pipeline they are building") makes the verb part of a relative clause
 * inside a phrase.
 */
function readForm(words: readonly Word[]): { form: NoteForm; isFirstPerson: boolean } {
  const first = words[0];
  if (!first || hasTag(first, "Gerund", "QuestionWord", "Preposition")) return { form: "phrase", isFirstPerson: false };
  if (PERSONAL_SUBJECTS.has(first.normal) && words.length > 1) {
    return { form: "clause", isFirstPerson: first.normal === "i" || first.normal === "we" };
  }
  for (let index = 1; index < words.length; index += 1) {
    const word = words[index]!;
    const previous = words[index - 1]!;
    // "hiring plans": a bare noun and a last word that could be a verb is a phrase.
    const isAmbiguousLastWord = index === words.length - 1 && !hasTag(word, "PastTense", "Copula", "Modal", "Auxiliary");
    if (isFinite(word, previous, words[index + 1])) return { form: isAmbiguousLastWord ? "phrase" : "clause", isFirstPerson: false };
    const isPronounPossessive = hasTag(word, "Pronoun") || (hasTag(word, "Possessive") && !hasTag(word, "ProperNoun"));
    const startsNewPhrase = (hasTag(word, "Determiner") || isPronounPossessive) && hasTag(previous, "Noun") && !hasTag(previous, "Possessive");
    const isInsidePhrase = hasTag(word, "Noun", "Adjective", "Determiner", "Possessive", "Value", "Gerund", "Adverb", "Hyphenated");
    if (startsNewPhrase || !isInsidePhrase) return { form: "phrase", isFirstPerson: false };
  }
  return { form: "phrase", isFirstPerson: false };
}

function isQuestion(text: string, words: readonly Word[]): boolean {
  if (/\?\s*$/.test(text)) return true;
  const [first, second] = words;
  if (hasTag(first, "QuestionWord") && hasTag(second, "Copula", "Modal", "Auxiliary")) return true;
  return hasTag(first, "Modal", "Auxiliary", "Copula") && hasTag(second, "Pronoun");
}

/** An instruction to oneself ("ask about visa sponsorship"): a bare verb first, or a to-do word. */
function isToDo(text: string, words: readonly Word[]): boolean {
  if (TODO_START.test(text)) return true;
  const [first, second] = words;
  const takesObject = hasTag(second, "Determiner", "Pronoun", "Possessive", "Preposition");
  return hasTag(first, "Infinitive") && takesObject && !hasTag(first, "Gerund", "Noun") && !SUBJECT_PRONOUNS.has(first?.normal ?? "");
}

function isPrivate(text: string): boolean {
  return PRIVATE_MARKERS.test(text);
}

/** A long note keeps its first clause: the cut falls before a comma, a conjunction or a subordinate clause. */
function shorten(tokens: Token[]): Token[] {
  if (tokens.length <= MAX_NOTE_WORDS) return tokens;
  let cut = -1;
  for (let index = MIN_CUT_WORDS; index < Math.min(tokens.length, MAX_NOTE_WORDS + 1); index += 1) {
    const token = tokens[index]!;
    const previous = tokens[index - 1]!;
    const isBoundary = /[,;:–—]/.test(previous.post) || hasTag(token.word, "Conjunction") || /^(?:because|which|who|where|while|although|though|since|so|but|especially|including|like)$/.test(token.word.normal);
    if (isBoundary) cut = index;
  }
  return cut > 0 ? tokens.slice(0, cut) : [];
}

/** "the new pipeline, they want someone who knows it" -> "the new pipeline": a topic is a phrase. */
function cutAtFirstComma(tokens: Token[]): Token[] {
  const comma = tokens.findIndex((token) => /[,;:–—]/.test(token.post));
  const cut = comma >= 0 ? tokens.slice(0, comma + 1) : tokens;
  return cut.length > MAX_NOTE_WORDS ? shorten(cut) : cut;
}

/** "they traced it" -> "you traced it"; "she wants" -> "you want": the message speaks to them. */
function toSecondPerson(tokens: Token[]): Token[] {
  let isAfterShiftedSubject = false;
  return tokens.map((token) => {
    const normal = token.text.toLowerCase().replace(/’/g, "'");
    const contraction = CONTRACTIONS_TO_SECOND_PERSON[normal];
    if (contraction) return { ...token, text: matchCase(contraction, token.text) };
    if (normal === "her") {
      const next = tokens[tokens.indexOf(token) + 1]?.word;
      return { ...token, text: matchCase(hasTag(next, "Noun", "Adjective") && !hasTag(next, "Pronoun") ? "your" : "you", token.text) };
    }
    const replacement = TO_SECOND_PERSON[normal];
    if (normal === "he" || normal === "she") isAfterShiftedSubject = true;
    else if (hasTag(token.word, "Pronoun") || hasTag(token.word, "ProperNoun")) isAfterShiftedSubject = false;
    if (replacement) return { ...token, text: matchCase(replacement, token.text) };
    if (isAfterShiftedSubject && hasTag(token.word, "Verb")) {
      const verb = SECOND_PERSON_VERBS[normal] ?? (hasTag(token.word, "PresentTense") && !hasTag(token.word, "Infinitive") ? toInfinitive(normal) : null);
      if (verb) return { ...token, text: verb };
    }
    return token;
  });
}

function matchCase(word: string, like: string): string {
  return /^\p{Lu}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** Misspelt ordinary words in a note ("pipline") take the dictionary's nearest spelling; names are left alone. */
function correctSpelling(tokens: Token[]): Token[] {
  let lookups = 0;
  return tokens.map((token, index) => {
    const { text } = token;
    if (text === "there" && hasTag(tokens[index + 1]?.word, "Adjective", "Noun") && !hasTag(tokens[index + 1]?.word, "Pronoun")) {
      return { ...token, text: "their" };
    }
    if (text.length < MIN_CAPITALISED_CHARS || !/^[\p{Ll}]+$/u.test(text) || isDictionaryWord(text)) return token;
    // Part of a compound ("cryo-EM") or a plural the dictionary lacks ("integrations"): not a typo.
    if (/-$/.test(token.post) || /-$/.test(tokens[index - 1]?.post ?? "") || (text.endsWith("s") && isDictionaryWord(text.slice(0, -1)))) return token;
    // A name written in lowercase ("kafka"): the dictionary knows it capitalised.
    const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
    if (isDictionaryWord(capitalised)) return { ...token, text: capitalised };
    if (text.length < MIN_CORRECTABLE_CHARS) return token;
    lookups += 1;
    if (lookups > MAX_CORRECTIONS_PER_SENTENCE) return token;
    const suggestion = suggestWords(text).find((word) => isSmallSlip(word.toLowerCase(), text));
    return suggestion ? { ...token, text: suggestion } : token;
  });
}

function isSmallSlip(word: string, typed: string): boolean {
  if (countEdits(word, typed) <= MAX_CORRECTION_EDITS) return true;
  const differing = [...word].flatMap((char, index) => (char === typed[index] ? [] : [index]));
  return word.length === typed.length && differing.length === 2 && differing[1] === differing[0]! + 1 && word[differing[0]!] === typed[differing[1]!];
}

function countEdits(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Mid-sentence casing from the tags: "The", "Moving" and "They" are lowered; names, acronyms and unknown
 * capitalised words ("Kafka", "iOS") keep their case; a lone "i", weekdays and months are capitalised.
 */
function fixCase(tokens: Token[]): Token[] {
  return tokens.map((token, index) => {
    const { word, text } = token;
    if (text === "i" || /^i'/.test(text)) return { ...token, text: `I${text.slice(1)}` };
    if (hasTag(word, "WeekDay", "Month") && /^\p{Ll}/u.test(text)) return { ...token, text: text.charAt(0).toUpperCase() + text.slice(1) };
    if (index > 0 || !/^\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?$/u.test(text) || text === "I" || /^I['’]/.test(text)) return token;
    if (hasTag(word, "ProperNoun", "Person", "Place", "Organization", "Acronym", "WeekDay", "Month")) return token;
    const isFunctionWord = hasTag(word, "Determiner", "Possessive", "Pronoun", "Preposition", "Conjunction", "QuestionWord", "Adverb", "Adjective", "Verb", "Value");
    return isFunctionWord ? { ...token, text: text.toLowerCase() } : token;
  });
}

function stripLead(text: string, lead: RegExp): string {
  return text.replace(lead, "").trim();
}

/** One usable sentence of a note, in the message's person, or null when nothing in it belongs in a message. */
function readSentence(text: string, field: NoteField): NotePiece | null {
  let sentence = text.replace(/^[-*•\s]+/, "").trim();
  while (FILLER_LEAD.test(sentence)) sentence = stripLead(sentence, FILLER_LEAD);
  if (field === "toClarify") sentence = stripLead(sentence, CLARIFY_LEAD);
  if (field === "shared" && /^both\s/i.test(sentence)) sentence = `we b${sentence.slice(1)}`;
  let isTopic = false;
  const withoutTalked = stripLead(sentence, TALKED_LEAD);
  if (withoutTalked !== sentence && withoutTalked) {
    sentence = withoutTalked;
    isTopic = true;
  }
  sentence = stripLead(sentence, REPORTED_LEAD) || sentence;
  if (!/[\p{L}\p{N}]/u.test(sentence)) return null;
  const words = visible(tagSentences(sentence).flatMap((part) => part.words));
  if (isQuestion(sentence, words) || isPrivate(sentence) || (field !== "toClarify" && isToDo(sentence, words))) return null;
  if (field === "toClarify" && TODO_START.test(sentence)) return null;
  let tokens = isTopic ? cutAtFirstComma(toTokens(words)) : shorten(toTokens(words));
  if (tokens.length === 0) return null;
  tokens = fixCase(toSecondPerson(correctSpelling(tokens)));
  const finalText = joinTokens(tokens);
  if (!finalText) return null;
  // The tags of the words as written: the person shift swaps pronouns for pronouns and verbs for verbs.
  const form = isTopic ? { form: "phrase" as const, isFirstPerson: false } : readForm(tokens.map((token) => token.word));
  return { text: finalText, ...form };
}

const QUOTED = /^["“](.+)["”]$/u;

/** Their words in quotation marks, kept as said (shorthand and emoji aside), when short enough to quote. */
function readQuote(note: string): NotePiece | null {
  const quoted = QUOTED.exec(note.normalize("NFC").replace(EMOJI, "").replace(EMOTICON, " ").trim());
  if (!quoted) return null;
  const text = cleanNote(quoted[1]!).replace(/[.,;:]+$/u, "");
  if (!text || text.split(/\s+/).length > MAX_NOTE_WORDS || isPrivate(text)) return null;
  return { text: `“${text.charAt(0).toUpperCase()}${text.slice(1)}”`, form: "quote", isFirstPerson: false };
}

/** The first sentence of the note that can be placed in a message, read for the given field. */
export function readNote(note: string | null | undefined, field: NoteField): NotePiece | null {
  const quote = field === "detail" ? readQuote(note ?? "") : null;
  if (quote) return quote;
  for (const item of splitItems(note ?? "").slice(0, MAX_ITEMS_READ)) {
    for (const sentence of tagSentences(item)) {
      const last = visible(sentence.words).at(-1);
      const text = `${item.slice(sentence.start, sentence.end)}${last?.post.trim() ?? ""}`.trim();
      const piece = readSentence(text, field);
      if (piece) return piece;
      if (text.split(/\s+/).length <= MIN_SPLIT_WORDS) continue;
      for (const part of text.split(CLAUSE_BREAK)) {
        const partPiece = part && part.split(/\s+/).length >= MIN_CUT_WORDS ? readSentence(part, field) : null;
        if (partPiece) return partPiece;
      }
    }
  }
  return null;
}

/**
 * The topics as one phrase: "Kafka, hiring plans and the on-call rotation". Several short phrases make a list;
 * a single clause or a long note yields its first usable piece.
 */
export function readTopics(note: string | null | undefined): NotePiece | null {
  const items = splitItems(note ?? "").flatMap((item) => (item.includes(",") && !/\b(?:and|but|so)\b/.test(item) ? item.split(/\s*,\s*/) : [item]));
  const phrases: string[] = [];
  for (const item of items.slice(0, MAX_ITEMS_READ)) {
    const piece = readNote(item, "topics");
    if (!piece) continue;
    if (piece.form !== "phrase") {
      if (phrases.length === 0 && items.length === 1) return piece;
      continue;
    }
    phrases.push(piece.text);
    if (phrases.length === MAX_TOPIC_ITEMS) break;
  }
  while (phrases.length > 1 && phrases.join(" ").split(/\s+/).length > MAX_TOPIC_WORDS) phrases.pop();
  if (phrases.length === 0) return null;
  const text = phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(", ")} and ${phrases[phrases.length - 1]}`;
  return { text, form: "phrase", isFirstPerson: false };
}

import nlp from "compromise/two";

/**
 * Part-of-speech tagging for the user's notes and for the grammar check, from compromise (its tokenizer and tagger
 * only: "compromise/two" skips the phrase plugins of the full build, which cost half again as much per parse and
 * which nothing here uses). Tags follow compromise's names: "Pronoun", "PastTense", "Infinitive", "Gerund", ...
 */

export type Word = {
  text: string;
  /** Lowercase, without punctuation; a contraction's first part ("i'm" -> "i"). */
  normal: string;
  tags: ReadonlySet<string>;
  /** What compromise expands a contraction into ("am" for the hidden half of "I'm"); the word's text is then "". */
  implicit: string | null;
  pre: string;
  post: string;
  /** Offsets of `text` in the tagged string. */
  start: number;
  end: number;
};

export type Sentence = { words: Word[]; start: number; end: number };

type CompromiseTerm = { text: string; normal: string; pre: string; post: string; tags?: Set<string>; implicit?: string };

const CACHE_MAX_ENTRIES = 500;
const cache = new Map<string, Sentence[]>();

function locate(terms: CompromiseTerm[], text: string, from: number): { words: Word[]; cursor: number } {
  const words: Word[] = [];
  let cursor = from;
  for (const term of terms) {
    const found = term.text ? text.indexOf(term.text, cursor) : -1;
    const start = found >= 0 ? found : cursor;
    const end = start + term.text.length;
    words.push({
      text: term.text,
      normal: term.normal,
      tags: term.tags ?? new Set(),
      implicit: term.implicit ?? null,
      pre: term.pre,
      post: term.post,
      start,
      end,
    });
    cursor = end;
  }
  return { words, cursor };
}

function parse(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let cursor = 0;
  for (const terms of nlp(text).docs as CompromiseTerm[][]) {
    const located = locate(terms, text, cursor);
    cursor = located.cursor;
    const visible = located.words.filter((word) => word.text !== "");
    if (visible.length > 0) sentences.push({ words: located.words, start: visible[0]!.start, end: visible[visible.length - 1]!.end });
  }
  return sentences;
}

/**
 * The sentences of `text`, each a list of tagged words. Notes are tagged once and kept (bounded): the same notes
 * are drafted for every interviewer and every kind of message.
 */
export function tagSentences(text: string): Sentence[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const sentences = parse(text);
  if (cache.size >= CACHE_MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(text, sentences);
  return sentences;
}

/** Tags a text without keeping it: a draft body is checked once per edit and is rarely the same twice. */
export function tagSentencesOnce(text: string): Sentence[] {
  return cache.get(text) ?? parse(text);
}

export function hasTag(word: Word | undefined, ...tags: string[]): boolean {
  return word !== undefined && tags.some((tag) => word.tags.has(tag));
}

type VerbTransform = { toInfinitive: (verb: string, model: unknown, tense: string) => string };

/** "wants" -> "want", "is" -> "be": compromise's own conjugation tables. */
export function toInfinitive(verb: string): string {
  const world = nlp.world() as unknown as { model: unknown; methods: { two: { transform: { verb: VerbTransform } } } };
  return world.methods.two.transform.verb.toInfinitive(verb, world.model, "PresentTense") || verb;
}

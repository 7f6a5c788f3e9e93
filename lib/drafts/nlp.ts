import nlp from "compromise/two";

/**
 * Part-of-speech tagging for the user's notes and for the grammar check, from compromise: its tokenizer, lexicon and
 * first-pass tagger ("compromise/two" skips the phrase plugins of the full build). Its post-tagger is not run: its
 * match patterns cost about five times the rest, and no reading or check here needs what they correct. Tags follow
 * compromise's names: "Pronoun", "PastTense", "Infinitive", "Gerund", ...
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

/** Notes and draft sentences: a few dozen per interview, so this holds the recent interviews of many users. */
const CACHE_MAX_ENTRIES = 5000;
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
  const doc = nlp.tokenize(text);
  doc.compute(["lexicon", "preTagger", "contractionTwo"]);
  for (const terms of doc.docs as CompromiseTerm[][]) {
    const located = locate(terms, text, cursor);
    cursor = located.cursor;
    const visible = located.words.filter((word) => word.text !== "");
    if (visible.length > 0) sentences.push({ words: located.words, start: visible[0]!.start, end: visible[visible.length - 1]!.end });
  }
  return sentences;
}

function remember(text: string, sentences: Sentence[]): void {
  if (cache.size >= CACHE_MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(text, sentences);
}

/**
 * The sentences of `text`, each a list of tagged words. Notes are tagged once and kept (bounded): the same notes
 * are drafted for every interviewer and every kind of message.
 */
export function tagSentences(text: string): Sentence[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const sentences = parse(text);
  remember(text, sentences);
  return sentences;
}

/** Separates texts tagged together; compromise ends a sentence at a blank line. */
const BATCH_SEPARATOR = "\n\n";

/**
 * Tags several texts in one call to compromise and caches each: a call has a fixed cost (about as much as tagging
 * a short sentence), so a draft's notes, or the sentences of a body that are not cached yet, go in together.
 */
export function tagBatch(texts: readonly string[]): void {
  const missing = [...new Set(texts)].filter((text) => !cache.has(text) && /[\p{L}\p{N}]/u.test(text));
  if (missing.length === 0) return;
  if (missing.length === 1) {
    tagSentences(missing[0]!);
    return;
  }
  const offsets: number[] = [];
  let joined = "";
  for (const text of missing) {
    offsets.push(joined.length);
    joined += text + BATCH_SEPARATOR;
  }
  const byText: Sentence[][] = missing.map(() => []);
  for (const sentence of parse(joined)) {
    let index = offsets.length - 1;
    while (index > 0 && offsets[index]! > sentence.start) index -= 1;
    const shift = offsets[index]!;
    const limit = shift + missing[index]!.length;
    const words = sentence.words.filter((word) => word.start < limit).map((word) => ({ ...word, start: word.start - shift, end: word.end - shift }));
    const visible = words.filter((word) => word.text !== "");
    if (visible.length > 0) byText[index]!.push({ words, start: visible[0]!.start, end: visible[visible.length - 1]!.end });
  }
  missing.forEach((text, index) => remember(text, byText[index]!));
}

/**
 * A paragraph break, or the space after a sentence's end before a capital (not after "Dr.", "Inc." or an initial):
 * where a draft can be cut for caching.
 */
const CHUNK_BREAK = /\n\s*\n|(?<=[.!?]["'”’)]?)(?<!\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|No|\p{Lu})\.)\s+(?=["“‘(]?\p{Lu})/gu;

/**
 * The sentences of a longer text, tagged a sentence at a time so that each sentence is tagged once: the checks run
 * on every edit, and an edit changes one sentence while the others come from the cache. compromise may still split
 * a chunk further.
 */
export function tagText(text: string): Array<{ sentence: Sentence; offset: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const match of text.matchAll(CHUNK_BREAK)) {
    chunks.push({ start: from, end: match.index });
    from = match.index + match[0].length;
  }
  chunks.push({ start: from, end: text.length });
  tagBatch(chunks.map((chunk) => text.slice(chunk.start, chunk.end)));
  // The cached words keep offsets into their chunk; `offset` places them in `text` without copying them.
  return chunks.flatMap((chunk) => (cache.get(text.slice(chunk.start, chunk.end)) ?? []).map((sentence) => ({ sentence, offset: chunk.start })));
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

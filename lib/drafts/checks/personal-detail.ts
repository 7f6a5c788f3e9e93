import { MIN_KEYWORD_CHARS } from "./constants";
import { makePass, makeResult } from "./result";
import { listWords, normalizeWord, quoteStart, splitNameParts, stripPossessive } from "./text";
import type { CheckResult, DraftCheckInput } from "./types";

/** Function words and the words every thank-you contains anyway: sharing them proves nothing about the conversation. */
const STOPWORDS = new Set(
  `about above after again against also although among another anyone anything around because been before being
  below between both could does doing down during each either else enough even ever every from further had have
  having here hers herself himself however into itself just least less like made make many more most much must
  myself neither never none often once only other ought ours ourselves over own perhaps quite rather really same
  several shall should since some something such than that their theirs them themselves then there these they
  this those though through thus together too under until upon very want well were what whatever when where
  whether which while whom whose will with within without would your yours yourself yourselves
  thank thanks thanked thanking grateful gratitude appreciate appreciated interview interviews interviewed
  interviewing meeting meet met today yesterday tomorrow morning afternoon evening time chat chatted conversation
  talk talked talking speak spoke speaking discuss discussed discussing learn learned learning enjoyed enjoy
  great good nice wonderful excited exciting interested interest opportunity position role team company
  work working job candidate hiring manager hear hope look looking forward best regards sincerely kind dear
  please know next step steps process decision`.split(/\s+/),
);

/** Light stemming so "migration", "migrating" and "migrate" meet, as do "cycling" and "cycle". */
const SUFFIXES = ["ions", "ion", "ings", "ing", "ies", "ied", "ers", "er", "ed", "es", "s", "ly"];
const MIN_STEM_CHARS = 3;
const MIN_SHARED_PREFIX_CHARS = 5;
const MIN_SHARED_PREFIX_SHARE = 0.8;

function stem(word: string): string {
  const suffix = SUFFIXES.find((ending) => word.endsWith(ending) && word.length - ending.length >= MIN_STEM_CHARS);
  const base = suffix ? word.slice(0, -suffix.length) : word;
  return base.endsWith("e") && base.length > MIN_STEM_CHARS ? base.slice(0, -1) : base;
}

function listKeywords(text: string, excluded: Set<string>): Set<string> {
  const keywords = new Set<string>();
  for (const token of listWords(text)) {
    const word = stripPossessive(normalizeWord(token.text)).toLowerCase();
    if ([...word].length < MIN_KEYWORD_CHARS || /\d/.test(word) || STOPWORDS.has(word) || excluded.has(word)) continue;
    keywords.add(stem(word));
  }
  return keywords;
}

function isSameKeyword(a: string, b: string): boolean {
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared += 1;
  return shared >= MIN_SHARED_PREFIX_CHARS && shared >= MIN_SHARED_PREFIX_SHARE * Math.min(a.length, b.length);
}

/**
 * docs/rules.md "Message checks": personal detail: "a thank-you mentions nothing from the recorded conversation".
 * docs/rules.md "The thank-you": "one specific detail from the conversation (so a busy interviewer remembers who this is)".
 */
export function checkPersonalDetail(input: DraftCheckInput): CheckResult {
  if (input.kind !== "thank_you" && input.kind !== "letter") return makePass("personal_detail");
  const { topics, specificDetail, sharedInterests, wentWell } = input.notes;
  const notes = [specificDetail, topics, sharedInterests, wentWell].filter((note) => note.trim() !== "");
  if (notes.length === 0) {
    return makeResult("personal_detail", [
      {
        message:
          "Your notes on this interview are empty, so nothing ties this message to the conversation. Add what you talked about, then mention one specific detail.",
      },
    ]);
  }
  // The company, role and names appear in every draft, so they are not a detail of this conversation.
  const names = [input.company, input.role, input.interviewerName ?? ""].flatMap(splitNameParts);
  const excluded = new Set(names.map((part) => normalizeWord(part).toLowerCase()));
  const noteKeywords = [...listKeywords(notes.join("\n"), excluded)];
  const bodyKeywords = [...listKeywords(input.body, excluded)];
  if (noteKeywords.some((note) => bodyKeywords.some((word) => isSameKeyword(note, word)))) return makePass("personal_detail");
  const example = notes[0] ?? "";
  return makeResult("personal_detail", [
    {
      message: `Nothing from your notes on the conversation appears here; mention one specific detail, such as "${quoteStart(example)}", so they remember who you are.`,
    },
  ]);
}

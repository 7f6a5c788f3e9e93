import type { CheckId, DraftKind } from "./types";

// docs/rules.md "The thank-you": "A thank-you over ~200 words is too long; 80-180 is the target."
// docs/rules.md "Message checks": length: "follow-up > 150 words". Letters and gracious replies use the thank-you limit.
export const MAX_WORDS_BY_KIND: Record<DraftKind, number> = {
  thank_you: 200,
  letter: 200,
  follow_up: 150,
  gracious_reply: 200,
};
export const MAX_SENTENCES_PER_PARAGRAPH = 4;

// docs/rules.md "Follow-ups": "Never more than two."
export const MAX_FOLLOW_UPS = 2;

/** Name tokens shorter than this are too short for an edit distance to mean anything. */
export const MIN_NAME_TOKEN_CHARS = 3;
/** Names up to this length tolerate one edit before they count as a different word; longer ones two. */
export const SHORT_NAME_MAX_CHARS = 5;
export const SHORT_NAME_MAX_EDITS = 1;
export const LONG_NAME_MAX_EDITS = 2;

/** Shared with the notes: content words at least this long count as a conversation detail. */
export const MIN_KEYWORD_CHARS = 4;

export const MIN_PHONE_DIGITS = 7;
export const MAX_PHONE_DIGITS = 15;

export const MAX_SPELLING_SUGGESTIONS = 3;
/** Suggestions are slow (docs/performance.md), so only the first few distinct misspellings get them. */
export const MAX_SUGGESTED_WORDS = 10;
/** Finding corrections costs about 54 dictionary look-ups a letter: longer "words" are pasted noise. */
export const MAX_SUGGESTED_WORD_LENGTH = 24;
export const SUGGESTION_CACHE_SIZE = 500;

export const EXCERPT_MAX_CHARS = 60;

export const CHECK_LABELS: Record<CheckId, string> = {
  length: "Length",
  greeting: "Greeting",
  names: "Names spelled as recorded",
  placeholders: "Unfilled placeholders",
  desperation: "No pressure or desperation",
  personal_detail: "Detail from the conversation",
  contact: "Contact details",
  spelling: "Spelling",
  grammar: "Grammar",
  timing: "Timing",
  arguing: "Accepts the decision",
};

/** Titles that may precede a name, with or without a full stop. */
export const HONORIFICS = ["Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Professor", "Sir", "Dame"];

import { makePass, makeResult } from "./result";
import { findInSubjectAndBody, findPhrases, type PhraseRule } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput } from "./types";

const ACCEPT = "thank them and keep the door open instead";

// docs/rules.md "Outcomes": "Rejection: no arguing. ... Nothing argues with the decision."
const ARGUING_RULES: PhraseRule[] = [
  { pattern: /\breconsider(?:s|ed|ing|ation)?\b/gi, advice: "asking them to reverse the decision argues with it" },
  { pattern: /\bI\s+(?:strongly\s+|respectfully\s+)?disagree\b|\bdisagree\s+with\s+(?:your|the|this)\s+decision\b/gi, advice: ACCEPT },
  { pattern: /\b(?:you(?:'ve|\s+have|'re|\s+are)?\s+(?:made|making)\s+a\s+(?:big\s+|huge\s+|serious\s+)?mistake|(?:a\s+)?mistake\s+(?:in|with)\s+(?:your|the|this)\s+decision)\b/gi, advice: ACCEPT },
  { pattern: /\b(?:wrong|unfair|unjust|bad|poor|hasty)\s+(?:decision|choice|call)\b/gi, advice: ACCEPT },
  { pattern: /\b(?:unfair(?:ly)?|not\s+fair|unjust(?:ly)?)\b/gi, advice: ACCEPT },
  { pattern: /\bI\s+(?:don't|do\s+not|can't|cannot|can\s+not|fail\s+to)\s+(?:understand|see|accept)\s+why\b/gi, advice: ACCEPT },
  { pattern: /\b(?:I\s+(?:believe|think|know|feel)\s+(?:that\s+)?)?I\s+(?:was|am|would\s+have\s+been)\s+(?:clearly\s+|definitely\s+|obviously\s+)?(?:the\s+)?(?:best|strongest|most\s+qualified|perfect|ideal|right)\s+(?:candidate|fit|person|choice|one)\b/gi, advice: ACCEPT },
  { pattern: /\b(?:can|could|would)\s+you\s+(?:please\s+)?(?:explain|tell\s+me)\s+why\s+I\s+(?:wasn't|was\s+not|didn't|did\s+not)\b/gi, advice: "asking them to justify the decision argues with it; " + ACCEPT },
  { pattern: /\bwhy\s+(?:wasn't\s+I|was\s+I\s+not|didn't\s+I|did\s+I\s+not|did\s+you\s+(?:reject|not\s+(?:choose|select|pick|hire)))\b/gi, advice: "asking them to justify the decision argues with it; " + ACCEPT },
  { pattern: /\bI\s+deserved?\b/gi, advice: ACCEPT },
  { pattern: /\b(?:change\s+your\s+mind|overlooked\s+(?:me|my)|give\s+me\s+(?:another|a\s+second)\s+chance)\b/gi, advice: ACCEPT },
  { pattern: /\byou(?:'ll|\s+will)\s+regret\b/gi, advice: ACCEPT },
];

function findArguing(text: string): CheckFinding[] {
  return findPhrases(text, ARGUING_RULES).map((phrase) => ({
    message: `"${phrase.text}" disputes their decision: ${phrase.advice}.`,
    excerpt: phrase.text,
    start: phrase.start,
    end: phrase.end,
  }));
}

/** docs/rules.md "Message checks": arguing: "a reply to a rejection disputes the decision". Only gracious replies. */
export function checkArguing(input: DraftCheckInput): CheckResult {
  if (input.kind !== "gracious_reply") return makePass("arguing");
  return makeResult("arguing", findInSubjectAndBody(input, findArguing));
}

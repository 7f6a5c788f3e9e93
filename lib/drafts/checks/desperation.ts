import { makeResult } from "./result";
import { findInSubjectAndBody, findPhrases, type PhraseRule } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput } from "./types";

const OFFER_INSTEAD = "focus on what you offer, not on what you need";
const NO_DEADLINE = "don't set them a deadline; ask whether anything would help while they decide";
const WHEN =
  "(?:today|tonight|tomorrow|noon|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next\\s+week|" +
  "(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(?:day|week|month)|\\d|january|february|march|april|may|june|july|" +
  "august|september|october|november|december)";

// docs/rules.md "Follow-ups": "Never: 'I really need this job', guilt, pressure, a deadline for them."
const DESPERATION_RULES: PhraseRule[] = [
  { pattern: /\b(?:I\s+)?(?:really|truly|desperately|badly)\s+need\s+(?:this|the|a)\s+(?:job|role|position|work|offer|opportunity)\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\bI\s+need\s+(?:this|the)\s+(?:job|role|position|work|offer|opportunity)\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\bI\s+(?:really\s+)?need\s+this\b(?=\s*(?:[.!,;]|$))/gim, advice: OFFER_INSTEAD },
  { pattern: /\bdesperate(?:ly)?\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\b(?:I'?m\s+|I\s+am\s+)?begg?ing\b|\bI\s+beg\s+(?:you|of\s+you)\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\bplease,?\s+(?:please,?\s+)?hire\s+me\b|\bhire\s+me,?\s+please\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\bplease,?\s+please\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\b(?:take|accept|do)\s+any\s+(?:job|role|position|work)\b|\bany\s+job\b(?!-)/gi, advice: OFFER_INSTEAD },
  { pattern: /\bI(?:'ll|\s+will|\s+would|'d)\s+(?:do|take)\s+anything\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\b(?:my\s+)?(?:last|only)\s+(?:chance|hope)\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\bgive\s+me\s+(?:a|one\s+more|another|a\s+second)\s+chance\b/gi, advice: OFFER_INSTEAD },
  { pattern: /\b(?:bills\s+to\s+pay|(?:my\s+)?family\s+(?:depends|is\s+depending|relies)\s+on|can(?:'t|not)\s+afford\s+to\s+(?:lose|wait|miss))\b/gi, advice: "leave guilt out; " + OFFER_INSTEAD },
  { pattern: /\b(?:been\s+)?unemployed\s+for\b/gi, advice: "leave guilt out; " + OFFER_INSTEAD },
  { pattern: /\bwhy\s+(?:haven't|have\s+not|didn't|did\s+not)\s+you\s+(?:replied|responded|answered|written|called|gotten\s+back|got\s+back|reply|respond|answer|write|call|get\s+back)\b/gi, advice: "don't reproach them; " + NO_DEADLINE },
  { pattern: /\byou\s+(?:still\s+)?(?:haven't|have\s+not)\s+(?:replied|responded|answered|gotten\s+back|got\s+back)\b/gi, advice: "don't reproach them; " + NO_DEADLINE },
  { pattern: /\b(?:I\s+)?(?:need|want|expect|require)\s+(?:an?\s+|your\s+)?(?:answer|response|reply|decision)\s+(?:by|before|no\s+later\s+than|within)\b/gi, advice: NO_DEADLINE },
  // "decide by" alone is how a follow-up quotes their own timeline ("you mentioned
  // you'd decide by Friday"); only asking them to decide by a date is a deadline.
  { pattern: new RegExp(`\\b(?:let\\s+me\\s+know|get\\s+back\\s+to\\s+me|respond|reply|answer|please\\s+decide)\\s+(?:by|before|no\\s+later\\s+than)\\s+${WHEN}`, "gi"), advice: NO_DEADLINE },
  { pattern: /\bif\s+I\s+(?:don't|do\s+not)\s+hear\s+(?:back\s+)?(?:from\s+you\s+)?(?:by|before|within)\b/gi, advice: NO_DEADLINE },
  { pattern: /\b(?:or\s+(?:else\s+)?I(?:'ll|\s+will)\s+(?:accept|take)\s+(?:another|a\s+different|the\s+other)\s+offer|other\s+offers?\s+(?:expires?|waiting))\b/gi, advice: NO_DEADLINE },
];

function findDesperation(text: string): CheckFinding[] {
  return findPhrases(text, DESPERATION_RULES).map((phrase) => ({
    message: `"${phrase.text}" reads as pressure: ${phrase.advice}.`,
    excerpt: phrase.text,
    start: phrase.start,
    end: phrase.end,
  }));
}

/** docs/rules.md "Message checks": desperation: "really need this job", "desperate", "begging", "please hire me", "any job". */
export function checkDesperation(input: DraftCheckInput): CheckResult {
  return makeResult("desperation", findInSubjectAndBody(input, findDesperation));
}

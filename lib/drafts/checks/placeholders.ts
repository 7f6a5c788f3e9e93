import { makeResult } from "./result";
import { findInSubjectAndBody, findProtectedSpans, isProtected, normalizeApostrophes } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput } from "./types";

/** What a template slot is called; only these make a parenthesis a slot, so "(which I enjoyed)" is prose. */
const SLOT_WORDS = [
  "name", "first name", "last name", "full name", "interviewer", "interviewer name", "hiring manager", "recipient",
  "company", "company name", "organization", "organisation", "department", "job title", "title", "role", "position",
  "date", "signature", "phone number", "email address",
].join("|");
const SLOT_OWNER = "(?:your|my|the|their|his|her|interviewer'?s|company'?s|hiring manager'?s|candidate'?s)";
const SLOT_PHRASE = `(?:insert\\s+|add\\s+)?(?:${SLOT_OWNER}\\s+)?(?:${SLOT_WORDS})(?:\\s+here)?`;

type SlotPattern = { pattern: RegExp; kind: string };

const SLOT_PATTERNS: SlotPattern[] = [
  { pattern: /\{\{[^{}\n]*\}\}/g, kind: "a {{template}} slot" },
  { pattern: /\{[^{}\n]{1,40}\}/g, kind: "a {slot}" },
  { pattern: /\[[^[\]\n]{1,60}\]/g, kind: "a [bracketed] slot" },
  { pattern: new RegExp(`\\((?:${SLOT_PHRASE})\\)`, "gi"), kind: "a (template) slot" },
  // "<name>" but not "<jo@example.com>" or "<https://...>": those are protected spans or contain other characters.
  { pattern: /<[A-Za-z][A-Za-z _'-]{0,30}>/g, kind: "an <angle-bracket> slot" },
  { pattern: /(?<![\p{L}\p{N}])[Xx]{2,}(?![\p{L}\p{N}])/gu, kind: "an XX filler" },
  { pattern: /_{3,}/g, kind: "a blank to fill in" },
  { pattern: /\b(?:TODO|FIXME|INSERT)\b/g, kind: "a to-do marker" },
  { pattern: /\btodo\b/gi, kind: "a to-do marker" },
];

function findPlaceholders(text: string): CheckFinding[] {
  const ranges = findProtectedSpans(text);
  const normalized = normalizeApostrophes(text);
  const found: CheckFinding[] = [];
  for (const { pattern, kind } of SLOT_PATTERNS) {
    for (const match of normalized.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      const overlaps = found.some((prior) => prior.start !== undefined && prior.end !== undefined && start < prior.end && end > prior.start);
      if (overlaps || isProtected(ranges, start, end)) continue;
      const slot = text.slice(start, end);
      found.push({ message: `"${slot}" looks like ${kind} that was never filled in.`, excerpt: slot, start, end });
    }
  }
  return found.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

/** docs/rules.md "Message checks": placeholders: "unfilled slots remain: `[Company]`, `(job title)`, `{{name}}`, `XX`". */
export function checkPlaceholders(input: DraftCheckInput): CheckResult {
  return makeResult("placeholders", findInSubjectAndBody(input, findPlaceholders));
}

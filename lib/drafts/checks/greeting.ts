import { HONORIFICS } from "./constants";
import { makePass, makeResult } from "./result";
import { escapeRegExp, findGreetingLine, normalizeWord, splitName } from "./text";
import type { CheckResult, DraftCheckInput } from "./types";

const HONORIFIC_GROUP = `(?:${HONORIFICS.join("|")})\\.?`;

/** `name` as whole words: not preceded or followed by another letter, so "Ann" is not found in "Anna". */
function containsName(line: string, name: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(name)}(?![\\p{L}\\p{M}])`, "u").test(line);
}

function containsTitledName(line: string, lastName: string): boolean {
  return new RegExp(`(?<![\\p{L}])${HONORIFIC_GROUP}\\s+${escapeRegExp(lastName)}(?![\\p{L}\\p{M}])`, "u").test(line);
}

/** docs/rules.md "Message checks": greeting: "the interviewer's name (as recorded) is not in the greeting". */
export function checkGreeting(input: DraftCheckInput): CheckResult {
  if (input.interviewerName === null || splitName(input.interviewerName).length === 0) return makePass("greeting");
  const words = splitName(input.interviewerName);
  const greeting = findGreetingLine(input.body);
  if (!greeting) {
    return makeResult("greeting", [{ message: `The message has no greeting; start with "Dear ${words.join(" ")},".` }]);
  }
  const line = normalizeWord(greeting.text);
  const fullName = words.join(" ");
  // "Juan de la Cruz" may be "Mr. de la Cruz" or "Mr. Cruz": any tail of the name after the first word is a surname.
  const surnames = words.slice(1).map((_, index) => words.slice(index + 1).join(" "));
  const isAddressed =
    containsName(line, fullName) ||
    containsName(line, words[0] ?? fullName) ||
    surnames.some((surname) => containsTitledName(line, surname));
  if (isAddressed) return makePass("greeting");
  return makeResult("greeting", [
    {
      message: `The greeting does not address ${fullName} by name as recorded; write e.g. "Dear ${words[0]},".`,
      excerpt: greeting.text,
      start: greeting.start,
      end: greeting.end,
    },
  ]);
}

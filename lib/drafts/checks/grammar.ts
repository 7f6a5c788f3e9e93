import { retext } from "retext";
import retextIndefiniteArticle from "retext-indefinite-article";
import retextRepeatedWords from "retext-repeated-words";
import { makeResult } from "./result";
import { findStructureErrors } from "./sentence-structure";
import { maskProtectedSpans } from "./text";
import type { CheckFinding, CheckResult, DraftCheckInput } from "./types";

type GrammarProcessor = ReturnType<typeof createProcessor>;

function createProcessor() {
  return retext().use(retextRepeatedWords).use(retextIndefiniteArticle).freeze();
}

let processor: GrammarProcessor | null = null;

/** One frozen processor for the process: both plugins are synchronous and keep no state between files. */
export function getGrammarProcessor(): GrammarProcessor {
  processor ??= createProcessor();
  return processor;
}

function describeArticle(text: string, start: number, end: number, expected: string): CheckFinding {
  const following = /^\s+([\p{L}\p{N}'’-]+)/u.exec(text.slice(end));
  const next = following?.[1] ?? "";
  const phraseEnd = following ? end + following[0].length : end;
  const actual = text.slice(start, phraseEnd);
  return {
    message: `"${actual}" should be "${expected}${next ? ` ${next}` : ""}".`,
    excerpt: actual,
    start,
    end: phraseEnd,
  };
}

/**
 * docs/rules.md "Message checks": grammar: "repeated words, a/an errors", and the sentence structure a spliced note
 * breaks (sentence-structure.ts). URLs and emails are blanked out first.
 */
function findGrammarErrors(text: string): CheckFinding[] {
  const masked = maskProtectedSpans(text);
  const file = getGrammarProcessor().processSync(masked);
  const findings: CheckFinding[] = findStructureErrors(masked);
  for (const message of file.messages) {
    const start = message.place && "start" in message.place ? message.place.start.offset : message.place?.offset;
    const end = message.place && "end" in message.place ? message.place.end.offset : undefined;
    if (start === undefined || end === undefined) continue;
    if (message.source === "retext-indefinite-article") {
      findings.push(describeArticle(text, start, end, message.expected?.[0] ?? ""));
    } else if (message.source === "retext-repeated-words") {
      const actual = text.slice(start, end);
      findings.push({ message: `"${actual}": a word is repeated; remove one.`, excerpt: actual, start, end });
    }
  }
  return findings.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
}

export function checkGrammar(input: DraftCheckInput): CheckResult {
  return makeResult("grammar", findGrammarErrors(input.body));
}

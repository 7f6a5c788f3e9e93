import { z } from "zod";

// What every field of user text refuses, in one place. Postgres refuses NUL in
// text (such a request failed with a 500 and its values were logged), and
// invisible control characters have no business in anything a person typed.

/** A line break, in any form a mail client, a browser or a calendar treats as one. */
const LINE_BREAK = /[\r\n\u0085\u2028\u2029]/;
/** Control characters in one line: C0 (tab included), DEL and C1. */
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Control characters in text of several lines: C0 and DEL, except tab, LF and CR (browsers send CR LF). */
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/**
 * An RFC 2047 encoded word (`=?charset?Q?...?=` or `?B?`, any charset, any
 * case). A mail client decodes it inside a header, so `=0D=0A` in one becomes
 * CR LF there. Whitespace inside is matched too: some decoders are lenient.
 */
const ENCODED_WORD = /=\?[^?]*\?[bq]\?[^?]*\?=/i;

const CONTROL_PROBLEM = "contains an invisible control character; remove it";

export type TextShape = "line" | "text";

/**
 * Why `value` cannot be stored as one line (`line`) or as text of several lines
 * (`text`), or null when it can. One line refuses encoded words as well: names,
 * subjects and companies all end up in mail headers, directly or through a
 * generated subject, and no one-line field has a use for `=?...?=`.
 */
export function findTextProblem(value: string, shape: TextShape): string | null {
  if (shape === "text") return TEXT_CONTROL.test(value) ? CONTROL_PROBLEM : null;
  if (LINE_BREAK.test(value)) return "must be on one line";
  if (LINE_CONTROL.test(value)) return CONTROL_PROBLEM;
  if (ENCODED_WORD.test(value)) return 'cannot contain "=?...?=": mail programs decode it as hidden header text';
  return null;
}

const CONTROL_RUNS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * A line that came from outside, not from a form (an incoming mail's subject,
 * decoded by mailparser from encoded words that may hold =00), made storable:
 * each run of control characters becomes one space. Nobody can be asked to fix it.
 */
export function toStorableLine(value: string): string {
  return value.replace(CONTROL_RUNS, " ");
}

/** A zod refinement adding `${label} <problem>` as the field's error. */
export function refuseTextProblems(label: string, shape: TextShape) {
  return (value: string, context: z.RefinementCtx) => {
    const problem = findTextProblem(value, shape);
    if (problem) context.addIssue({ code: "custom", message: `${label} ${problem}` });
  };
}

/** One line of text (a name, a subject, a title): no line breaks, control characters or encoded words. */
export function singleLine(label: string, max: number) {
  return z.string().trim().max(max, `${label} must be at most ${max} characters`).superRefine(refuseTextProblems(label, "line"));
}

export function requiredLine(label: string, max: number) {
  return singleLine(label, max).pipe(z.string().min(1, `${label} is required`));
}

/** Text of several lines (notes, a signature, an address); empty when left out. */
export function multiLine(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .superRefine(refuseTextProblems(label, "text"))
    .default("");
}

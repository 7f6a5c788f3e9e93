import { createPicker, isClause, takeFirstItem, takeWholeNote, toMidSentence, type Picker } from "./phrasing";
import type { DraftInput } from "./types";

/** A note reduced to one usable piece, and whether it reads as a clause ("I explained ...") or a noun phrase. */
export type NotePiece = { text: string; isClause: boolean } | null;

export type DraftContext = {
  input: DraftInput;
  pick: Picker;
  company: string;
  role: string;
  /** " on Tue 17 Nov", or "" when no date was given. */
  onDate: string;
  /** The specific detail, else the first topic (domain.md "The thank-you": "one specific detail from the conversation"). */
  detail: NotePiece;
  wentWell: NotePiece;
  toClarify: NotePiece;
  sharedInterest: NotePiece;
  valueLink: string;
};

function toPiece(text: string): NotePiece {
  if (!text) return null;
  return { text: toMidSentence(text), isClause: isClause(text) };
}

export function createDraftContext(input: DraftInput): DraftContext {
  const { notes } = input;
  const date = input.interviewDate.trim();
  return {
    input,
    pick: createPicker(`${input.interviewer.id}|${input.kind}`),
    company: input.company.trim(),
    role: input.role.trim(),
    onDate: date ? ` on ${date}` : "",
    detail: toPiece(takeWholeNote(notes.specificDetail) ? takeFirstItem(notes.specificDetail) : takeFirstItem(notes.topics)),
    wentWell: toPiece(takeFirstItem(notes.wentWell)),
    toClarify: toPiece(takeFirstItem(notes.toClarify)),
    sharedInterest: toPiece(takeFirstItem(notes.sharedInterests)),
    valueLink: (notes.valueLink ?? "").trim(),
  };
}

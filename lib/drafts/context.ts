import { hasEmailAddress, hasPhoneNumber } from "./checks/contact";
import { tagBatch } from "./nlp";
import { MAX_ITEMS_READ, readNote, readTopics, splitItems, type NotePiece } from "./notes";
import { createPicker, type Picker } from "./phrasing";
import type { DraftInput } from "./types";

export type { NotePiece };

/** A note piece, and whether this interviewer said it (their own notes) or it comes from the interview's notes. */
export type DetailPiece = NotePiece & { isTheirs: boolean };

export type DraftContext = {
  input: DraftInput;
  pick: Picker;
  company: string;
  role: string;
  /** " on Tuesday", " today", or "" when no date was given. */
  onDate: string;
  /** docs/rules.md "The thank-you": "one specific detail from the conversation"; else the first topic. */
  detail: DetailPiece | null;
  /** The topics, when a detail is there too (they are mentioned alongside it). */
  topics: NotePiece | null;
  wentWell: NotePiece | null;
  toClarify: NotePiece | null;
  sharedInterest: NotePiece | null;
  valueLink: string;
  /** The signature has an email address or a phone number, so "the details below" exist. */
  hasContactDetails: boolean;
};

function isSamePoint(a: NotePiece, b: NotePiece): boolean {
  const normalize = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return normalize(a.text).includes(normalize(b.text)) || normalize(b.text).includes(normalize(a.text));
}

/** This interviewer's own notes first; the interview's notes when they left theirs empty. */
function readDetailAndTopics(input: DraftInput): { detail: DetailPiece | null; topics: NotePiece | null } {
  const ownDetail = input.interviewer.specificDetail?.trim() ? readNote(input.interviewer.specificDetail, "detail") : null;
  const ownTopics = input.interviewer.topics?.trim() ? readTopics(input.interviewer.topics) : null;
  const sharedDetail = ownDetail ? null : readNote(input.notes.specificDetail, "detail");
  const topics = ownTopics ?? (input.interviewer.topics?.trim() ? null : readTopics(input.notes.topics));
  const isTopicsTheirs = ownTopics !== null;
  if (ownDetail) return { detail: { ...ownDetail, isTheirs: true }, topics: topics && !isSamePoint(topics, ownDetail) ? topics : null };
  if (sharedDetail) return { detail: { ...sharedDetail, isTheirs: false }, topics: topics && !isSamePoint(topics, sharedDetail) ? topics : null };
  return { detail: topics ? { ...topics, isTheirs: isTopicsTheirs } : null, topics: null };
}

export function createDraftContext(input: DraftInput): DraftContext {
  const { notes } = input;
  const noteTexts = [input.interviewer.specificDetail, input.interviewer.topics, notes.specificDetail, notes.topics, notes.wentWell, notes.toClarify, notes.sharedInterests];
  tagBatch(noteTexts.flatMap((note) => splitItems(note ?? "").slice(0, MAX_ITEMS_READ)));
  const date = input.interviewDate.trim();
  const signature = input.candidate.signature;
  return {
    input,
    pick: createPicker(`${input.interviewer.id}|${input.kind}`),
    company: input.company.trim(),
    role: input.role.trim(),
    onDate: date ? ` ${date}` : "",
    ...readDetailAndTopics(input),
    wentWell: readNote(notes.wentWell, "wentWell"),
    toClarify: readNote(notes.toClarify, "toClarify"),
    sharedInterest: readNote(notes.sharedInterests, "shared"),
    valueLink: (notes.valueLink ?? "").trim(),
    hasContactDetails: hasEmailAddress(signature) || hasPhoneNumber(signature),
  };
}

export { buildDraft, chooseThankYouVariant, draftToPlainBody } from "./build-draft";
export { renderDraftEmail, type RenderDraftOptions } from "./render";
export type { Draft, DraftInput, DraftInputNotes, DraftKind, InterviewStage, ThankYouVariant } from "./types";

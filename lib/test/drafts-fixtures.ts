import type { DraftCheckInput } from "@/lib/drafts/checks";
import { draftToPlainBody } from "@/lib/drafts/build-draft";
import type { Draft, DraftInput, DraftInputNotes } from "@/lib/drafts/types";

export const FULL_NOTES: DraftInputNotes = {
  topics: "Moving weekly reporting from spreadsheets to a shared dashboard; cleaning messy sales data",
  specificDetail: "The dashboard migration your team starts in spring",
  wentWell: "My Python pipeline that cut manual reporting by six hours a week",
  toClarify: "Forgot to mention my Tableau certification",
  sharedInterests: "Both cycle to work",
  valueLink: "https://jomueller.dev/notes/sales-data-cleaning",
};

export const EMPTY_NOTES: DraftInputNotes = {
  topics: "",
  specificDetail: "",
  wentWell: "",
  toClarify: "",
  sharedInterests: "",
  valueLink: "",
};

export const SIGNATURE = "Jo Müller\njo.mueller@example.com\n+49 30 1234 5678";

export function makeDraftInput(overrides: Partial<DraftInput> = {}): DraftInput {
  return {
    kind: "thank_you",
    interviewer: { id: "interviewer-1", name: "Siobhan O'Brien", title: "Head of Analytics" },
    company: "Acme",
    role: "Data Analyst",
    stage: "onsite",
    interviewDate: "on Tuesday",
    decisionText: "within 10 days",
    notes: FULL_NOTES,
    letterPlanned: false,
    candidate: { name: "Jo Müller", signature: SIGNATURE },
    ...overrides,
  };
}

/** The check input for a built draft, from the same data the draft was built from. */
export function toCheckInput(input: DraftInput, draft: Draft, followUpNumber: number | null = null): DraftCheckInput {
  const { valueLink: _valueLink, ...notes } = input.notes;
  return {
    kind: input.kind,
    subject: draft.subject,
    body: draftToPlainBody(draft),
    interviewerName: input.interviewer.name,
    company: input.company,
    role: input.role,
    notes,
    signature: draft.signature,
    personalWords: [],
    timing: { followUpNumber, isBeforeDecisionDate: false, isCallStep: false, callInvited: false, hasOverride: false },
  };
}

// What the interview form shows and limits, without zod or luxon: the form is a
// client component, and importing these from schemas.ts put the whole schema,
// luxon and the validation helpers into its bundle (docs/performance.md).
export const STAGES = ["phone_screen", "video", "onsite", "panel", "final"] as const;
export const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
  phone_screen: "Phone screen",
  video: "Video call",
  onsite: "On-site",
  panel: "Panel",
  final: "Final round",
};
export const COMPANY_STYLES = ["unknown", "casual", "formal"] as const;
// one wording for the form and the interview page
export const COMPANY_STYLE_LABELS: Record<(typeof COMPANY_STYLES)[number], string> = {
  unknown: "Not sure",
  casual: "Casual",
  formal: "Formal, traditional (a letter is mailed too)",
};
export const NOTE_FIELDS = ["topics", "specificDetail", "wentWell", "toClarify", "sharedInterests"] as const;
export const NOTE_LABELS: Record<(typeof NOTE_FIELDS)[number], string> = {
  topics: "Topics discussed",
  specificDetail: "A specific detail to mention",
  wentWell: "What went well",
  toClarify: "Anything to clarify or add",
  sharedInterests: "Shared interests",
};
export const PACES = ["standard", "fast"] as const;
export const DECISION_KINDS = ["none", "date", "days"] as const;

export const MAX_INTERVIEWERS = 10;
export const MAX_NOTE_LENGTH = 4000;
export const DISTANT_DATE_MESSAGE = "That is more than a year from today. Check the year, or confirm the date below.";
// fast-paced follow-ups: the user sets the cap (docs/rules.md "Follow-ups"), within reason
export const MAX_FOLLOW_UP_CAP = 10;
// one remark a thank-you can quote in a sentence, not a transcript
export const MAX_INTERVIEWER_DETAIL_LENGTH = 500;
export const MAX_INTERVIEWER_TOPIC_LENGTH = 200;

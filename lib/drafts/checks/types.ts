import type { DraftKind } from "../kinds";

export type { DraftKind };

export type CheckId =
  | "length"
  | "greeting"
  | "names"
  | "placeholders"
  | "desperation"
  | "personal_detail"
  | "contact"
  | "spelling"
  | "grammar"
  | "timing"
  | "arguing";

export type CheckSeverity = "pass" | "warn" | "block";

/** Where a finding is: `start`/`end` are offsets into `body` (or into `subject` when `field` is "subject"). */
export type CheckFinding = {
  message: string;
  excerpt?: string;
  start?: number;
  end?: number;
  field?: "body" | "subject";
};

export type CheckResult = { id: CheckId; label: string; severity: CheckSeverity; findings: CheckFinding[] };

export type DraftNotes = {
  topics: string;
  specificDetail: string;
  wentWell: string;
  toClarify: string;
  sharedInterests: string;
};

export type DraftTiming = {
  /** 1-based number of this follow-up; null when the draft is not a follow-up. */
  followUpNumber: number | null;
  isBeforeDecisionDate: boolean;
  isCallStep: boolean;
  callInvited: boolean;
  /** The user explicitly overrode the plan's limit for this step. */
  hasOverride: boolean;
  /** When the message goes out (its due time, or now once that has passed); absent where no send is planned. */
  sendsAt?: Date;
  interviewEndsAt?: Date;
  /** The user's time zone: night is judged on their clock. */
  timeZone?: string;
};

export type DraftCheckInput = {
  kind: DraftKind;
  subject: string;
  /** Plain text, paragraphs separated by blank lines; the greeting is the first line. */
  body: string;
  /** As recorded. */
  interviewerName: string | null;
  /** As recorded. */
  company: string;
  role: string;
  notes: DraftNotes;
  /** The user's signature/contact lines (may also be inside the body). */
  signature: string;
  /** The user's own dictionary additions. */
  personalWords: string[];
  timing: DraftTiming;
};

/** A located piece of text, offsets into the text it was found in. */
export type TextSpan = { text: string; start: number; end: number };

import type { DraftKind } from "./checks";

export type { DraftKind };

export type ThankYouVariant = "short" | "detailed";

export type InterviewStage = "phone_screen" | "video" | "onsite" | "panel" | "final";

/** What the user wrote down right after the interview (docs/rules.md "Right after (the notes screen)"). */
export type DraftInputNotes = {
  topics: string;
  specificDetail: string;
  wentWell: string;
  toClarify: string;
  sharedInterests: string;
  valueLink?: string;
};

export type DraftInput = {
  kind: DraftKind;
  /** Thank-you only; defaults from the stage (phone screen: short). */
  variant?: ThankYouVariant;
  /** Follow-up 1 or 2. */
  sequence?: number | null;
  /**
   * `specificDetail` and `topics` are what this person said (the interview form's
   * per-interviewer notes); null or absent: fall back to the interview's notes.
   */
  interviewer: { id: string; name: string; title: string; specificDetail?: string | null; topics?: string | null };
  company: string;
  role: string;
  stage: InterviewStage;
  /** In prose, relative to the day the message goes out: "today", "on Tuesday", "on 17 November" (describeInterviewDay). */
  interviewDate: string;
  /** Their timeline as they gave it: "within 10 days", "by Friday 28 November" (describeDecisionTimeline). */
  decisionText: string | null;
  notes: DraftInputNotes;
  /** docs/rules.md "Channel": "the email can mention that a letter is on its way". */
  letterPlanned: boolean;
  /** Letters only: a thank-you email also goes to this person, so the letter can say it follows that email. */
  emailPlanned?: boolean;
  /** `signature` is the multi-line contact block. */
  candidate: { name: string; signature: string };
  /** The user's setting: a thank-you may carry a one-line invitation to connect (off by default). */
  includeNetworkInvite?: boolean;
};

/** The body is plain paragraphs the user edits as text; templates add the markup. */
export type Draft = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  signOff: string;
  signature: string;
};

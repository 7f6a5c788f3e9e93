export type InterviewStage = "phone_screen" | "video" | "onsite" | "panel" | "final";
export type CompanyStyle = "formal" | "casual" | "unknown";
export type Pace = "standard" | "fast";
export type OpportunityStatus = "active" | "offer" | "rejected" | "withdrawn" | "hired";
export type StepKind = "thank_you" | "letter" | "follow_up" | "call" | "move_on" | "gracious_reply";
export type StepStatus = "pending" | "done" | "skipped" | "cancelled";

export type PlanInterviewer = {
  id: string;
  name: string;
  email: string | null;
  hasPostalAddress: boolean;
};

export type StepHistory = { status: "done" | "skipped"; at: Date };

/** A local date ("YYYY-MM-DD") -> the name of the public holiday on it, or null. */
export type HolidayCalendar = (localDate: string) => string | null;

export type PlanInput = {
  now: Date;
  /** The user's IANA zone; all local arithmetic happens here. */
  timeZone: string;
  preferences: {
    /** 0-23, default DEFAULT_SEND_HOUR. */
    sendHour: number;
    /** Default FOLLOW_UP_DEFAULT_DAYS. */
    followUpDefaultDays: number;
  };
  /** The user's public holidays (docs/rules.md "Public holidays"); absent: none. */
  holidayOn?: HolidayCalendar;
  opportunity: {
    company: string;
    role: string;
    companyStyle: CompanyStyle;
    pace: Pace;
    status: OpportunityStatus;
    statusChangedAt: Date | null;
    /** Fast pace: the user-set cap; standard pace: only used when allowExtraFollowUps. */
    followUpCap: number | null;
    /** Explicit override of "never more than two". */
    allowExtraFollowUps: boolean;
  };
  interview: {
    id: string;
    stage: InterviewStage;
    startsAt: Date;
    durationMinutes: number;
    /** "YYYY-MM-DD" in the user's zone, as they said it. */
    decisionDate: string | null;
    /** "Within N days": calendar days from the interview day. */
    decisionWithinDays: number | null;
    callInvited: boolean;
    callSuggestedAt: Date | null;
    /** Who receives follow-ups and the call (null when there are no interviewers). */
    primaryInterviewerId: string | null;
  };
  interviewers: PlanInterviewer[];
  history: {
    /** Any reply (at or after the interview start) stops follow-ups. */
    replies: { interviewerId: string | null; at: Date }[];
    /** Keyed by step key. */
    steps: Record<string, StepHistory | undefined>;
    /** Step key -> snoozed until. */
    snoozes: Record<string, Date | undefined>;
  };
};

export type PlanStep = {
  /** Stable identity: "thank_you:<id>", "letter:<id>", "follow_up:<n>", "call", "move_on", "gracious_reply". */
  key: string;
  kind: StepKind;
  interviewerId: string | null;
  /** 1, 2, ... for follow-ups; the call carries 1 because it takes the first follow-up's place. */
  sequence: number | null;
  /** Proposed time (a snooze replaces it). */
  dueAt: Date;
  /** Latest acceptable time (thank-you: end + 24h). */
  deadlineAt: Date | null;
  status: StepStatus;
  /** One line the user reads: why it is due then (or why it was cancelled). */
  reason: string;
  /** Thank-you: "short" for phone screens. */
  variant?: "short" | "detailed";
  /** A follow-up beyond the usual two that the user explicitly allowed. */
  requiresOverride?: boolean;
};

export type Plan = { steps: PlanStep[] };

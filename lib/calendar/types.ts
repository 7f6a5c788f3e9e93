export type FeedStepKind =
  "thank_you" | "letter" | "follow_up" | "call" | "move_on" | "gracious_reply";

export type FeedStepStatus = "pending" | "done" | "skipped" | "cancelled";

/** One stored plan step, as the feed needs it (no notes beyond `reason`). */
export type FeedStep = {
  id: string;
  /** Bumped by the plan on every change; becomes SEQUENCE. */
  version: number;
  kind: FeedStepKind;
  status: FeedStepStatus;
  /** The proposed time: where a pending step's event sits. */
  dueAt: Date;
  /** The latest time it may happen (a thank-you's 24 hours); null when none. */
  deadlineAt: Date | null;
  /** Which follow-up (1, 2, ...); null for other kinds. */
  sequence: number | null;
  updatedAt: Date;
  /** When it was done: where a done step's event sits. */
  completedAt: Date | null;
  personName: string | null;
  company: string;
  role: string;
  /** The one-line reason shown in the plan. */
  reason: string;
  /** Absolute URL of the draft in the app. */
  url: string;
};

export type FeedInterview = {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  company: string;
  role: string;
  updatedAt: Date;
  /** Bumped on every change of the interview; becomes SEQUENCE. */
  version: number;
  /** Absolute URL of the interview in the app. */
  url: string;
  location?: string | null;
};

export type FeedInput = {
  calendarName: string;
  /** The user's IANA zone: summaries show local times, X-WR-TIMEZONE names it. */
  timeZone: string;
  steps: FeedStep[];
  interviews: FeedInterview[];
  now: Date;
};

/** A one-off download ("add to calendar") is not a named, refreshing calendar. */
export type EventsInput = Omit<FeedInput, "calendarName">;

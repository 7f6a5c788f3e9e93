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
  dueAt: Date;
  updatedAt: Date;
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
  version?: number;
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

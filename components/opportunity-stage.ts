import type { OpportunityStage, PipelineStage } from "@/lib/opportunities/pipeline";

export const STAGE_NAMES: Record<PipelineStage, string> = {
  active: "Active",
  waiting: "Waiting for a reply",
  replied: "Replied",
  offer: "Offer",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hired: "Hired",
};

const DAY_FORMATS = new Map<string, Intl.DateTimeFormat>();

// "3 Dec": the badge's date, in the user's zone
function formatDay(instant: Date, zone: string): string {
  let format = DAY_FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short" });
    DAY_FORMATS.set(zone, format);
  }
  return format.format(instant);
}

/** "Replied 3 Dec", "Offer 3 Dec", "Waiting for a reply". */
export function describeStage({ stage, since }: OpportunityStage, zone: string): string {
  return since ? `${STAGE_NAMES[stage]} ${formatDay(since, zone)}` : STAGE_NAMES[stage];
}

const CHANGE_NAMES: Record<string, string> = {
  replied: "you recorded their reply",
  done: "you marked a step done",
  skipped: "you skipped a step",
  "outcome:offer": "you recorded an offer",
  "outcome:rejected": "you recorded a rejection",
  "outcome:withdrawn": "you withdrew",
  "outcome:hired": "you accepted the offer",
  "outcome:active": "you reopened it",
};

/** What the interview page's Undo takes back: "Last change: you recorded their reply". */
export function describePlanChange(change: string): string {
  return CHANGE_NAMES[change] ?? "the plan changed";
}

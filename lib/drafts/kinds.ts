import type { StepKind } from "@/lib/plan/types";

/** The steps a message is written for; a call and "move on" have none. */
export const DRAFT_KINDS = ["thank_you", "letter", "follow_up", "gracious_reply"] as const satisfies readonly StepKind[];

export type DraftKind = (typeof DRAFT_KINDS)[number];

export function hasDraft(kind: string): kind is DraftKind {
  return (DRAFT_KINDS as readonly string[]).includes(kind);
}

import type { PlanContext } from "./context";
import { applyHistory } from "./history";
import { toLocal } from "./time";
import type { OpportunityStatus, PlanStep, StepKind } from "./types";
import { landOnNextWorkingDay } from "./working-days";

const FOLLOW_UP_KINDS: readonly StepKind[] = ["follow_up", "call", "move_on"];
const COURTESY_KINDS: readonly StepKind[] = ["thank_you", "letter"];
const ENDING_STATUSES: readonly OpportunityStatus[] = ["offer", "rejected", "withdrawn", "hired"];
const COURTESY_ENDING_STATUSES: readonly OpportunityStatus[] = ["rejected", "withdrawn"];

const STOP_REASONS: Record<OpportunityStatus, string> = {
  active: "Stopped: they replied.",
  offer: "Stopped: you have an offer.",
  rejected: "Stopped: the application was turned down.",
  withdrawn: "Stopped: you withdrew.",
  hired: "Stopped: you were hired.",
};

// A reply sent before the interview (scheduling it, say) does not answer the
// follow-ups, so only replies from the interview on count.
export function hasReplied(context: PlanContext): boolean {
  const startsAt = context.input.interview.startsAt.getTime();
  return context.input.history.replies.some((reply) => reply.at.getTime() >= startsAt);
}

function shouldCancel(step: PlanStep, context: PlanContext, isStopped: boolean): boolean {
  if (step.status !== "pending") return false;
  const { status } = context.input.opportunity;
  if (FOLLOW_UP_KINDS.includes(step.kind)) return isStopped;
  return COURTESY_KINDS.includes(step.kind) && COURTESY_ENDING_STATUSES.includes(status);
}

// docs/rules.md "Outcomes": rejection means no arguing; offer a short, gracious
// reply that thanks them and keeps the door open. It is optional.
function createGraciousReplyStep(context: PlanContext): PlanStep {
  const { input } = context;
  const decidedAt = toLocal(input.opportunity.statusChangedAt ?? input.now, context.timeZone);
  return applyHistory(
    {
      key: "gracious_reply",
      kind: "gracious_reply",
      interviewerId: context.primaryInterviewerId,
      sequence: null,
      dueAt: landOnNextWorkingDay(decidedAt, context.sendHour, context.holidayOn).at.toJSDate(),
      deadlineAt: null,
      status: "pending",
      reason: "Optional: a short, gracious reply that thanks them and keeps the door open; nothing argues with the decision.",
    },
    input.history,
  );
}

/**
 * docs/rules.md "Outcomes": any reply, an offer, a rejection or a withdrawal stops
 * all pending follow-ups. Cancelled steps stay in the plan so storage keeps
 * them; done and skipped steps are never changed.
 */
export function applyOutcome(steps: PlanStep[], context: PlanContext): PlanStep[] {
  const { status } = context.input.opportunity;
  const isEnded = ENDING_STATUSES.includes(status);
  const isStopped = isEnded || hasReplied(context);
  const stopReason = STOP_REASONS[isEnded ? status : "active"];
  const settled = steps.map((step) =>
    shouldCancel(step, context, isStopped) ? { ...step, status: "cancelled" as const, reason: stopReason } : step,
  );
  return status === "rejected" ? [...settled, createGraciousReplyStep(context)] : settled;
}

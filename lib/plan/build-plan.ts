import { createPlanContext } from "./context";
import { planFollowUps } from "./follow-ups";
import { planLetters } from "./letter";
import { applyOutcome } from "./outcome";
import { planThankYous } from "./thank-you";
import type { Plan, PlanInput } from "./types";

/**
 * The follow-up plan of one interview, as a pure function of its input (the
 * clock and the user's zone included). Steps come in plan order: thank-yous,
 * letters, follow-ups (or the call), "move on", then the gracious reply.
 */
export function buildPlan(input: PlanInput): Plan {
  const context = createPlanContext(input);
  const planned = [...planThankYous(context), ...planLetters(context), ...planFollowUps(context)];
  return { steps: applyOutcome(planned, context) };
}

import type { DateTime } from "luxon";
import { SHORT_TIMELINE_DAYS } from "./constants";
import type { PlanContext } from "./context";
import { countCalendarDays, parseLocalDay } from "./time";

export type DecisionDay = {
  day: DateTime;
  /** How the user stated it, so reasons can repeat it back. */
  source: "date" | "within_days";
};

// docs/rules.md "Before the interview ends": the decision timeline is what the
// whole schedule hangs on. An explicit date wins over "within N days".
export function resolveDecisionDay(context: PlanContext): DecisionDay | null {
  const { decisionDate, decisionWithinDays } = context.input.interview;
  if (decisionDate !== null) {
    const day = parseLocalDay(decisionDate, context.timeZone);
    if (day) return { day, source: "date" };
  }
  if (decisionWithinDays !== null && Number.isFinite(decisionWithinDays)) {
    return {
      day: context.interviewStart.startOf("day").plus({ days: decisionWithinDays }),
      source: "within_days",
    };
  }
  return null;
}

// docs/rules.md "Channel": short decision timeline (a week or less).
export function isShortTimeline(context: PlanContext): boolean {
  const decision = resolveDecisionDay(context);
  if (!decision) return false;
  return countCalendarDays(context.interviewStart, decision.day) <= SHORT_TIMELINE_DAYS;
}

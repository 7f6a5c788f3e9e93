import type { DateTime } from "luxon";
import {
  CALL_DEFAULT_HOUR,
  FAST_FOLLOW_UP_DEFAULT_CAP,
  FAST_FOLLOW_UP_INTERVAL_DAYS,
  MIN_FOLLOW_UP_CAP,
  MOVE_ON_GAP_DAYS,
  SECOND_FOLLOW_UP_GAP_DAYS,
  STANDARD_FOLLOW_UP_CAP,
} from "./constants";
import type { PlanContext } from "./context";
import { resolveDecisionDay } from "./decision";
import { applyHistory, getAnchorTime } from "./history";
import { formatDay, setLocalHour, toLocal } from "./time";
import type { PlanStep } from "./types";
import { describeHolidayMove, landOnNextWorkingDay, landOnWorkingDay, type WorkingDayLanding } from "./working-days";

const WEEKEND_NOTE = " The weekend moves it to Monday.";

type ProposedTime = { dueAt: DateTime; reason: string };

// docs/rules.md "Follow-ups": never more than two; fast-paced fields opt in per
// opportunity and then the cap is set by the user.
export function getFollowUpCap(context: PlanContext): number {
  const { pace, followUpCap, allowExtraFollowUps } = context.input.opportunity;
  if (pace === "fast") return Math.max(MIN_FOLLOW_UP_CAP, followUpCap ?? FAST_FOLLOW_UP_DEFAULT_CAP);
  if (allowExtraFollowUps && followUpCap !== null) return Math.max(MIN_FOLLOW_UP_CAP, followUpCap);
  return STANDARD_FOLLOW_UP_CAP;
}

// docs/rules.md "Public holidays": the reason names the holidays that moved the
// step; a move past a weekend alone keeps the short weekend note.
function explainMove(landing: WorkingDayLanding): string {
  const holidayMove = describeHolidayMove(landing);
  if (holidayMove) return ` ${holidayMove}`;
  return landing.isMoved ? WEEKEND_NOTE : "";
}

/** Adds whole local days, then lands on a working day at the send hour. */
function landAfterDays(context: PlanContext, from: DateTime, days: number): { dueAt: DateTime; note: string } {
  const landing = landOnWorkingDay(from.plus({ days }), context.sendHour, context.holidayOn);
  return { dueAt: landing.at, note: explainMove(landing) };
}

// docs/rules.md "Follow-ups": first follow-up after the stated decision date has
// passed (next business day); no date stated: 14 days after the interview.
// Fast pace without a date starts one interval after the interview.
export function proposeFirstFollowUpTime(context: PlanContext): ProposedTime {
  const decision = resolveDecisionDay(context);
  if (decision) {
    const said =
      decision.source === "date"
        ? `by ${formatDay(decision.day)}`
        : `within ${context.input.interview.decisionWithinDays} days (by ${formatDay(decision.day)})`;
    const landing = landOnNextWorkingDay(decision.day, context.sendHour, context.holidayOn);
    const holidayMove = describeHolidayMove(landing);
    return {
      dueAt: landing.at,
      reason: `They said they'd decide ${said}; first business day after.${holidayMove ? ` ${holidayMove}` : ""}`,
    };
  }
  const isFast = context.input.opportunity.pace === "fast";
  const days = isFast ? FAST_FOLLOW_UP_INTERVAL_DAYS : context.followUpDefaultDays;
  const landed = landAfterDays(context, context.interviewStart.startOf("day"), days);
  const lead = isFast ? "Fast pace, no decision date given" : "No decision date given";
  return {
    dueAt: landed.dueAt,
    reason: `${lead}: ${days} days after the interview.${landed.note}`,
  };
}

// docs/rules.md "Follow-ups": a call only when invited, in place of the first
// follow-up email, at the time they suggested (default: the first follow-up's
// date at 10:00 local); never repeated.
function proposeCallTime(context: PlanContext, firstFollowUp: ProposedTime): ProposedTime {
  const { callSuggestedAt } = context.input.interview;
  if (callSuggestedAt) {
    return {
      dueAt: toLocal(callSuggestedAt, context.timeZone),
      reason: "They invited you to call: at the time they suggested, in place of the first follow-up email.",
    };
  }
  return {
    dueAt: setLocalHour(firstFollowUp.dueAt, CALL_DEFAULT_HOUR),
    reason: `They invited you to call: on the first follow-up's date, in place of the email. ${firstFollowUp.reason}`,
  };
}

function createCallStep(context: PlanContext, firstFollowUp: ProposedTime): PlanStep {
  const proposal = proposeCallTime(context, firstFollowUp);
  return {
    key: "call",
    kind: "call",
    interviewerId: context.primaryInterviewerId,
    sequence: 1,
    dueAt: proposal.dueAt.toJSDate(),
    deadlineAt: null,
    status: "pending",
    reason: proposal.reason,
  };
}

function proposeLaterFollowUpTime(context: PlanContext, previous: PlanStep, sequence: number): ProposedTime {
  const isFast = context.input.opportunity.pace === "fast";
  const gapDays = isFast ? FAST_FOLLOW_UP_INTERVAL_DAYS : SECOND_FOLLOW_UP_GAP_DAYS;
  const anchor = toLocal(getAnchorTime(previous, context.input.history), context.timeZone);
  const landed = landAfterDays(context, anchor, gapDays);
  const since = `the previous one (${formatDay(anchor)})`;
  const spacing = isFast ? `Fast pace: ${gapDays} days after ${since}.` : `About a week after ${since}.`;
  const override =
    !isFast && sequence > STANDARD_FOLLOW_UP_CAP ? " Beyond the usual two: you allowed extra follow-ups." : "";
  return { dueAt: landed.dueAt, reason: `${spacing}${landed.note}${override}` };
}

function createFollowUpStep(context: PlanContext, sequence: number, proposal: ProposedTime): PlanStep {
  const requiresOverride = context.input.opportunity.pace === "standard" && sequence > STANDARD_FOLLOW_UP_CAP;
  return {
    key: `follow_up:${sequence}`,
    kind: "follow_up",
    interviewerId: context.primaryInterviewerId,
    sequence,
    dueAt: proposal.dueAt.toJSDate(),
    deadlineAt: null,
    status: "pending",
    reason: proposal.reason,
    ...(requiresOverride ? { requiresOverride } : {}),
  };
}

// docs/rules.md "Follow-ups": after the last follow-up the plan's last step is
// "move on": the opportunity goes quiet and the user keeps the search going.
// It nudges the user, not the company, so it is not held to business days.
function createMoveOnStep(context: PlanContext, last: PlanStep): PlanStep {
  const anchor = toLocal(getAnchorTime(last, context.input.history), context.timeZone);
  return {
    key: "move_on",
    kind: "move_on",
    interviewerId: null,
    sequence: null,
    dueAt: setLocalHour(anchor.plus({ days: MOVE_ON_GAP_DAYS }), context.sendHour).toJSDate(),
    deadlineAt: null,
    status: "pending",
    reason: `No answer ${MOVE_ON_GAP_DAYS} days after the last follow-up: let it go quiet and keep the search going.`,
  };
}

/** Follow-ups (or the call in the first one's place), then "move on"; outcomes are applied later. */
export function planFollowUps(context: PlanContext): PlanStep[] {
  const { input } = context;
  const firstFollowUp = proposeFirstFollowUpTime(context);
  const first = applyHistory(
    input.interview.callInvited ? createCallStep(context, firstFollowUp) : createFollowUpStep(context, 1, firstFollowUp),
    input.history,
  );
  const steps = [first];
  const cap = getFollowUpCap(context);
  while (steps.length < cap) {
    const previous = steps[steps.length - 1] ?? first;
    const sequence = steps.length + 1;
    const proposal = proposeLaterFollowUpTime(context, previous, sequence);
    steps.push(applyHistory(createFollowUpStep(context, sequence, proposal), input.history));
  }
  const last = steps[steps.length - 1] ?? first;
  return [...steps, applyHistory(createMoveOnStep(context, last), input.history)];
}

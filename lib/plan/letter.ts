import type { DateTime } from "luxon";
import { EVENING_START_HOUR, NIGHT_END_HOUR } from "./constants";
import type { PlanContext } from "./context";
import { isShortTimeline } from "./decision";
import { applyHistory } from "./history";
import { getBusinessDayAtHour, getNextBusinessDayAtHour, isWeekend } from "./time";
import type { PlanInterviewer, PlanStep } from "./types";

type LetterTime = { dueAt: DateTime; reason: string };

const LETTER_WHY = "Formal company: a signed letter takes days to arrive, so it is mailed the day of the interview";

// docs/rules.md "Channel": mailed the same day as the interview; letters land on
// business days (a weekend moves to Monday at the send hour).
export function proposeLetterTime(end: DateTime, sendHour: number): LetterTime {
  if (isWeekend(end)) {
    return { dueAt: getBusinessDayAtHour(end, sendHour), reason: `${LETTER_WHY}; the weekend moves it to Monday.` };
  }
  if (end.hour >= NIGHT_END_HOUR && end.hour < EVENING_START_HOUR) {
    return { dueAt: end, reason: `${LETTER_WHY}.` };
  }
  if (end.hour < NIGHT_END_HOUR) {
    return { dueAt: getBusinessDayAtHour(end, sendHour), reason: `${LETTER_WHY}.` };
  }
  return {
    dueAt: getNextBusinessDayAtHour(end, sendHour),
    reason: `${LETTER_WHY}; it ended in the evening, so the next business day.`,
  };
}

function buildLetterReason(base: string, interviewer: PlanInterviewer): string {
  return interviewer.hasPostalAddress ? base : `${base} Needs ${interviewer.name}'s postal address.`;
}

// docs/rules.md "Channel": formal companies also get a mailed, signed letter, one
// per interviewer; a short decision timeline (a week or less) is email only.
export function planLetters(context: PlanContext): PlanStep[] {
  const { input } = context;
  if (input.opportunity.companyStyle !== "formal" || isShortTimeline(context)) return [];
  const proposal = proposeLetterTime(context.interviewEnd, context.sendHour);
  return input.interviewers.map((interviewer) =>
    applyHistory(
      {
        key: `letter:${interviewer.id}`,
        kind: "letter",
        interviewerId: interviewer.id,
        sequence: null,
        dueAt: proposal.dueAt.toJSDate(),
        deadlineAt: null,
        status: "pending",
        reason: buildLetterReason(proposal.reason, interviewer),
      },
      input.history,
    ),
  );
}

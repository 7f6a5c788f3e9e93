import type { DateTime } from "luxon";
import { EVENING_START_HOUR, NIGHT_END_HOUR } from "./constants";
import type { PlanContext } from "./context";
import { isShortTimeline } from "./decision";
import { applyHistory } from "./history";
import { isWeekend } from "./time";
import type { HolidayCalendar, PlanInterviewer, PlanStep } from "./types";
import { describeHolidayMove, isWorkingDay, landOnNextWorkingDay, landOnWorkingDay, type WorkingDayLanding } from "./working-days";

type LetterTime = { dueAt: DateTime; reason: string };

const LETTER_WHY = "Formal company: a signed letter takes days to arrive, so it is mailed the day of the interview";

// A move past a holiday is said in its own sentence; one past a weekend alone
// keeps the short clause.
function withHolidayMove(reason: string, landing: WorkingDayLanding): LetterTime {
  const holidayMove = describeHolidayMove(landing);
  return { dueAt: landing.at, reason: holidayMove ? `${reason} ${holidayMove}` : reason };
}

// docs/rules.md "Channel": mailed the same day as the interview; letters land on
// working days (docs/rules.md "Public holidays": a weekend or a public holiday
// moves it to the next working day at the send hour).
export function proposeLetterTime(end: DateTime, sendHour: number, holidayOn: HolidayCalendar): LetterTime {
  if (!isWorkingDay(end, holidayOn)) {
    const landing = landOnWorkingDay(end, sendHour, holidayOn);
    const weekendClause = isWeekend(end) && landing.holidays.length === 0 ? "; the weekend moves it to Monday" : "";
    return withHolidayMove(`${LETTER_WHY}${weekendClause}.`, landing);
  }
  if (end.hour >= NIGHT_END_HOUR && end.hour < EVENING_START_HOUR) {
    return { dueAt: end, reason: `${LETTER_WHY}.` };
  }
  if (end.hour < NIGHT_END_HOUR) {
    return { dueAt: landOnWorkingDay(end, sendHour, holidayOn).at, reason: `${LETTER_WHY}.` };
  }
  return withHolidayMove(
    `${LETTER_WHY}; it ended in the evening, so the next business day.`,
    landOnNextWorkingDay(end, sendHour, holidayOn),
  );
}

function buildLetterReason(base: string, interviewer: PlanInterviewer): string {
  return interviewer.hasPostalAddress ? base : `${base} Needs ${interviewer.name}'s postal address.`;
}

// docs/rules.md "Channel": formal companies also get a mailed, signed letter, one
// per interviewer; a short decision timeline (a week or less) is email only.
export function planLetters(context: PlanContext): PlanStep[] {
  const { input } = context;
  if (input.opportunity.companyStyle !== "formal" || isShortTimeline(context)) return [];
  const proposal = proposeLetterTime(context.interviewEnd, context.sendHour, context.holidayOn);
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

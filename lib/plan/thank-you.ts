import type { DateTime } from "luxon";
import { EVENING_START_HOUR, NIGHT_END_HOUR, NIGHT_START_HOUR, THANK_YOU_DEADLINE_HOURS } from "./constants";
import type { PlanContext } from "./context";
import { applyHistory } from "./history";
import { formatDay, formatDayTime, isNightTime, setLocalHour } from "./time";
import type { HolidayCalendar, PlanStep } from "./types";
import { getWorkdayHolidayName, isWorkingDay } from "./working-days";

export type ThankYouTime = {
  dueAt: DateTime;
  deadlineAt: DateTime;
  reason: string;
};

// "The next morning" of an interview that ends in the small hours is that same
// day's morning; otherwise it is the following day.
function getNextMorning(end: DateTime, sendHour: number): DateTime {
  const morningDay = end.hour < NIGHT_END_HOUR ? end : end.plus({ days: 1 });
  return setLocalHour(morningDay, sendHour);
}

// "The same evening (after the interview, from 17:00)": right at the end when
// the interview ends in the evening, none once the night has begun.
function getSameEvening(end: DateTime): DateTime | null {
  if (end.hour >= NIGHT_START_HOUR) return null;
  const eveningStart = setLocalHour(end, EVENING_START_HOUR);
  return end > eveningStart ? end : eveningStart;
}

// Only reached when neither named slot works (a send hour set at night):
// the first moment after the interview that is not at night.
function getFirstDaytime(end: DateTime): DateTime {
  if (!isNightTime(end)) return end;
  const day = end.hour < NIGHT_END_HOUR ? end : end.plus({ days: 1 });
  return setLocalHour(day, NIGHT_END_HOUR);
}

function explainMorningMiss(morning: DateTime, deadline: DateTime, holidayOn: HolidayCalendar): string {
  if (morning > deadline) return `the next morning (${formatDayTime(morning)}) would be past the 24-hour deadline`;
  if (isNightTime(morning)) return "your send hour falls at night";
  const holiday = getWorkdayHolidayName(morning, holidayOn);
  if (holiday !== null) {
    return `the next morning (${formatDay(morning)}) is ${holiday} and a working-day morning would be past the 24-hour deadline`;
  }
  return `the next morning (${formatDay(morning)}) is a weekend day and a weekday morning would be past the 24-hour deadline`;
}

function explainNonWorkingMorning(morning: DateTime, deadlineText: string, holidayOn: HolidayCalendar): string {
  const holiday = getWorkdayHolidayName(morning, holidayOn);
  if (holiday === null) return `Next morning: no weekday time fits before the 24-hour deadline (${deadlineText}).`;
  return `Next morning: ${formatDay(morning)} is ${holiday}, but no working-day time fits before the 24-hour deadline (${deadlineText}).`;
}

/**
 * docs/rules.md "The thank-you": proposed send time, by priority:
 * 1. never past the 24-hour deadline; 2. never at night; 3. on a working day
 * (a weekday that is not a public holiday, docs/rules.md "Public holidays") if
 * possible; 4. the next morning at the send hour, otherwise the same evening.
 * Priority 3 ranks above 4, so a weekend morning loses to a weekday evening
 * (the "Friday afternoon" example), while a weekend morning still beats
 * nothing at all (the "Friday 23:30" example): the deadline wins over the weekend,
 * and over a holiday alike.
 */
export function proposeThankYouTime(end: DateTime, sendHour: number, holidayOn: HolidayCalendar): ThankYouTime {
  const deadlineAt = end.plus({ hours: THANK_YOU_DEADLINE_HOURS });
  const morning = getNextMorning(end, sendHour);
  const evening = getSameEvening(end);
  const isUsable = (at: DateTime): boolean => at >= end && at <= deadlineAt && !isNightTime(at);

  const usable = [morning, evening].filter((at): at is DateTime => at !== null && isUsable(at));
  const chosen = usable.find((at) => isWorkingDay(at, holidayOn)) ?? usable[0];
  const deadlineText = `deadline ${formatDayTime(deadlineAt)}`;

  if (chosen && chosen === morning) {
    const reason = isWorkingDay(morning, holidayOn)
      ? `Next morning, the ideal time; within 24 hours of the interview (${deadlineText}).`
      : explainNonWorkingMorning(morning, deadlineText, holidayOn);
    return { dueAt: morning, deadlineAt, reason };
  }
  if (chosen) {
    return {
      dueAt: chosen,
      deadlineAt,
      reason: `Same evening: ${explainMorningMiss(morning, deadlineAt, holidayOn)} (${deadlineText}).`,
    };
  }
  return {
    dueAt: getFirstDaytime(end),
    deadlineAt,
    reason: `First time after the interview that is not at night (${deadlineText}).`,
  };
}

// docs/rules.md "The thank-you": one message per interviewer, addressed by name;
// never one email CC'd to all. Phone screens stay short.
export function planThankYous(context: PlanContext): PlanStep[] {
  const { input } = context;
  const proposal = proposeThankYouTime(context.interviewEnd, context.sendHour, context.holidayOn);
  const variant = input.interview.stage === "phone_screen" ? "short" : "detailed";
  return input.interviewers.map((interviewer) =>
    applyHistory(
      {
        key: `thank_you:${interviewer.id}`,
        kind: "thank_you",
        interviewerId: interviewer.id,
        sequence: null,
        dueAt: proposal.dueAt.toJSDate(),
        deadlineAt: proposal.deadlineAt.toJSDate(),
        status: "pending",
        reason: proposal.reason,
        variant,
      },
      input.history,
    ),
  );
}

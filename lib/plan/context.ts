import type { DateTime } from "luxon";
import { DEFAULT_SEND_HOUR, FOLLOW_UP_DEFAULT_DAYS, HOURS_PER_DAY } from "./constants";
import { assertTimeZone, toLocal } from "./time";
import type { HolidayCalendar, PlanInput } from "./types";

/** What every rule needs, resolved once from the input. */
export type PlanContext = {
  input: PlanInput;
  timeZone: string;
  sendHour: number;
  holidayOn: HolidayCalendar;
  followUpDefaultDays: number;
  interviewStart: DateTime;
  interviewEnd: DateTime;
  primaryInterviewerId: string | null;
};

const NO_HOLIDAYS: HolidayCalendar = () => null;

function resolveSendHour(sendHour: number): number {
  const isValidHour = Number.isInteger(sendHour) && sendHour >= 0 && sendHour < HOURS_PER_DAY;
  return isValidHour ? sendHour : DEFAULT_SEND_HOUR;
}

function resolveFollowUpDefaultDays(days: number): number {
  return Number.isInteger(days) && days > 0 ? days : FOLLOW_UP_DEFAULT_DAYS;
}

// A primary interviewer that is not (or no longer) among the interviewers falls
// back to the first one, so follow-ups always go to someone who was recorded.
function resolvePrimaryInterviewerId(input: PlanInput): string | null {
  const { primaryInterviewerId } = input.interview;
  const isKnown = input.interviewers.some((interviewer) => interviewer.id === primaryInterviewerId);
  if (primaryInterviewerId !== null && isKnown) return primaryInterviewerId;
  return input.interviewers[0]?.id ?? null;
}

export function createPlanContext(input: PlanInput): PlanContext {
  assertTimeZone(input.timeZone);
  const interviewStart = toLocal(input.interview.startsAt, input.timeZone);
  return {
    input,
    timeZone: input.timeZone,
    sendHour: resolveSendHour(input.preferences.sendHour),
    holidayOn: input.holidayOn ?? NO_HOLIDAYS,
    followUpDefaultDays: resolveFollowUpDefaultDays(input.preferences.followUpDefaultDays),
    interviewStart,
    interviewEnd: interviewStart.plus({ minutes: Math.max(0, input.interview.durationMinutes) }),
    primaryInterviewerId: resolvePrimaryInterviewerId(input),
  };
}

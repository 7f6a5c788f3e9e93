import type { DateTime } from "luxon";
import { MAX_NON_WORKING_DAYS_IN_A_ROW } from "./constants";
import { formatDay, isWeekend, setLocalHour } from "./time";
import type { HolidayCalendar } from "./types";

type SkippedHoliday = { day: DateTime; name: string };

/** Where a proposed day landed, and what it was moved past. */
export type WorkingDayLanding = {
  at: DateTime;
  isMoved: boolean;
  /** The proposed day itself was a Saturday or Sunday. */
  isFromWeekend: boolean;
  /** Holidays on weekdays that were passed over, in date order. */
  holidays: SkippedHoliday[];
};

/** The public holiday on a weekday, by name; a holiday on a weekend changes nothing, so it is not named. */
export function getWorkdayHolidayName(day: DateTime, holidayOn: HolidayCalendar): string | null {
  if (isWeekend(day)) return null;
  return holidayOn(day.toISODate() ?? "");
}

// docs/rules.md "Public holidays": a working day is a weekday that is not one of
// the user's public holidays.
export function isWorkingDay(day: DateTime, holidayOn: HolidayCalendar): boolean {
  return !isWeekend(day) && getWorkdayHolidayName(day, holidayOn) === null;
}

/**
 * docs/rules.md "Follow-ups" and "Public holidays": the given day at the hour,
 * moved past weekends and public holidays to the first working day. The walk is
 * bounded: a calendar that marks every day a holiday leaves the day where the
 * bound stops rather than looping.
 */
export function landOnWorkingDay(day: DateTime, hour: number, holidayOn: HolidayCalendar): WorkingDayLanding {
  const holidays: SkippedHoliday[] = [];
  let landed = day;
  for (let skipped = 0; skipped < MAX_NON_WORKING_DAYS_IN_A_ROW && !isWorkingDay(landed, holidayOn); skipped += 1) {
    const name = getWorkdayHolidayName(landed, holidayOn);
    if (name !== null) holidays.push({ day: landed, name });
    landed = landed.plus({ days: 1 });
  }
  return { at: setLocalHour(landed, hour), isMoved: !landed.hasSame(day, "day"), isFromWeekend: isWeekend(day), holidays };
}

/** The first working day strictly after the given day's date, at the hour. */
export function landOnNextWorkingDay(day: DateTime, hour: number, holidayOn: HolidayCalendar): WorkingDayLanding {
  return landOnWorkingDay(day.plus({ days: 1 }), hour, holidayOn);
}

/**
 * The sentence a step's reason gets when a holiday moved it ("Fri 25 Dec is
 * Christmas Day, so Mon 28 Dec."); empty when no holiday did, so callers keep
 * their own wording for a weekend-only move.
 */
export function describeHolidayMove(landing: WorkingDayLanding): string {
  if (landing.holidays.length === 0) return "";
  const named = landing.holidays.map((holiday) => `${formatDay(holiday.day)} is ${holiday.name}`).join(" and ");
  const lead = landing.isFromWeekend ? "After the weekend, " : "";
  return `${lead}${named}, so ${formatDay(landing.at)}.`;
}

import { DateTime, IANAZone } from "luxon";
import {
  FIRST_WEEKEND_WEEKDAY,
  NIGHT_END_HOUR,
  NIGHT_START_HOUR,
  REASON_DAY_FORMAT,
  REASON_LOCALE,
  REASON_TIME_FORMAT,
} from "./constants";

export function assertTimeZone(timeZone: string): void {
  if (!IANAZone.isValidZone(timeZone)) {
    throw new RangeError(`Unknown IANA time zone: ${timeZone}`);
  }
}

export function toLocal(at: Date, timeZone: string): DateTime {
  return DateTime.fromJSDate(at, { zone: timeZone });
}

/** The same local calendar day at hour:00; luxon keeps the wall time across DST changes. */
export function setLocalHour(day: DateTime, hour: number): DateTime {
  return day.set({ hour, minute: 0, second: 0, millisecond: 0 });
}

export function isWeekend(at: DateTime): boolean {
  return at.weekday >= FIRST_WEEKEND_WEEKDAY;
}

// docs/rules.md "The thank-you": never at night (22:00-07:00 in the user's zone).
export function isNightTime(at: DateTime): boolean {
  return at.hour >= NIGHT_START_HOUR || at.hour < NIGHT_END_HOUR;
}

/** A "YYYY-MM-DD" date as said by the user, read in their zone; null when unreadable. */
export function parseLocalDay(isoDate: string, timeZone: string): DateTime | null {
  const day = DateTime.fromISO(isoDate, { zone: timeZone });
  return day.isValid ? day.startOf("day") : null;
}

/** Whole local calendar days from one date to another (DST-safe). */
export function countCalendarDays(from: DateTime, to: DateTime): number {
  return Math.round(to.startOf("day").diff(from.startOf("day"), "days").days);
}

export function formatDay(at: DateTime): string {
  return at.setLocale(REASON_LOCALE).toFormat(REASON_DAY_FORMAT);
}

export function formatTime(at: DateTime): string {
  return at.setLocale(REASON_LOCALE).toFormat(REASON_TIME_FORMAT);
}

export function formatDayTime(at: DateTime): string {
  return `${formatDay(at)}, ${formatTime(at)}`;
}

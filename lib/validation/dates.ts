import { DateTime } from "luxon";
import { z } from "zod";

// Dates typed into forms. The browser's date pickers can be bypassed, and an
// impossible date (2025-02-30, 9999-99-99) or one Postgres cannot store (year
// 0000, or 9999 that a time zone pushes into 10000) failed in the database with
// a 500. Every form date is checked here, against the calendar, with luxon.

/** The years a form date may fall in: an interview, a decision or a send time is never outside them. */
export const MIN_FORM_YEAR = 1900;
export const MAX_FORM_YEAR = 2100;

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
// what <input type="datetime-local"> sends: minutes, or seconds when its step asks for them
const LOCAL_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;
const MINUTE_FORMAT = "yyyy-MM-dd'T'HH:mm";

function isInFormYears(date: DateTime): boolean {
  return date.isValid && date.year >= MIN_FORM_YEAR && date.year <= MAX_FORM_YEAR;
}

/** `YYYY-MM-DD`, a day that exists, in the years a form accepts. */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = DateTime.fromISO(value, { zone: "utc" });
  return isInFormYears(date) && date.toISODate() === value;
}

/**
 * `YYYY-MM-DDTHH:mm` (seconds optional), a wall-clock time that exists on the
 * calendar, in the years a form accepts. Whether it exists in a given time zone
 * (a clock change skips an hour) is `toInstant`'s question.
 */
export function isLocalDateTime(value: string): boolean {
  if (!LOCAL_DATE_TIME_PATTERN.test(value)) return false;
  const local = DateTime.fromISO(value, { zone: "utc" });
  // luxon reads 24:00 as the next day's 00:00: comparing back refuses it
  return isInFormYears(local) && local.toFormat(MINUTE_FORMAT) === value.slice(0, 16);
}

/** The instant a wall-clock time names in `zone`, or null when it does not exist there or is no valid form time. */
export function toInstant(localDateTime: string, zone: string): Date | null {
  if (!isLocalDateTime(localDateTime)) return null;
  const local = DateTime.fromISO(localDateTime, { zone });
  // A time inside a DST gap does not exist; luxon shifts it, so compare back.
  if (!local.isValid || local.toFormat(MINUTE_FORMAT) !== localDateTime.slice(0, 16)) return null;
  return local.toJSDate();
}

/** A required date field (`<input type="date">`). */
export function calendarDate(message: string) {
  return z.string().trim().refine(isCalendarDate, yearsMessage(message));
}

/** A required date-and-time field (`<input type="datetime-local">`). */
export function localDateTime(message: string) {
  return z.string().trim().refine(isLocalDateTime, yearsMessage(message));
}

function yearsMessage(message: string): string {
  return `${message} (a real date between ${MIN_FORM_YEAR} and ${MAX_FORM_YEAR})`;
}

import { DateTime } from "luxon";

// Dates in a message read the way a person writes them ("on Friday", "by Friday 28 November"), never the app's
// compact "Fri 28 Nov". Both functions are pure: the caller passes the day the message is written for.

/** Within this many days back, the weekday alone is clear ("on Tuesday"). */
const WEEKDAY_ONLY_MAX_DAYS = 6;
const SPELLED_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** Calendar days from `from` to `to`, both ISO dates (yyyy-mm-dd). */
function countDays(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days);
}

/**
 * When the interview was, relative to the day the message goes out: "today", "yesterday", "on Tuesday", or
 * "on 17 November" once a weekday alone would be ambiguous. Empty when the day is unknown.
 */
export function describeInterviewDay(interviewDay: string | null, writtenOn: string | null): string {
  if (!interviewDay) return "";
  const day = DateTime.fromISO(interviewDay, { zone: "utc" });
  if (!day.isValid) return "";
  const daysAgo = writtenOn ? countDays(interviewDay, writtenOn) : Number.NaN;
  if (daysAgo === 0) return "today";
  if (daysAgo === 1) return "yesterday";
  if (daysAgo > 1 && daysAgo <= WEEKDAY_ONLY_MAX_DAYS) return `on ${day.toFormat("cccc")}`;
  return `on ${day.toFormat("d LLLL")}`;
}

function spellCount(count: number): string {
  return SPELLED_NUMBERS[count] ?? String(count);
}

/**
 * The decision timeline as they gave it: a number of days stays a number of days ("within 10 days", "within a
 * week"), a day stays that day ("by Friday 28 November"). Never a date computed from a number of days: they did not
 * say it, and quoting it back reads as pressure.
 */
export function describeDecisionTimeline({ decisionDate, decisionWithinDays }: { decisionDate: string | null; decisionWithinDays: number | null }): string | null {
  if (decisionDate) {
    const day = DateTime.fromISO(decisionDate, { zone: "utc" });
    return day.isValid ? `by ${day.toFormat("cccc d LLLL")}` : null;
  }
  if (decisionWithinDays && decisionWithinDays > 0) {
    if (decisionWithinDays === 1) return "within a day";
    if (decisionWithinDays % 7 === 0 && decisionWithinDays <= 28) {
      const weeks = decisionWithinDays / 7;
      return weeks === 1 ? "within a week" : `within ${spellCount(weeks)} weeks`;
    }
    return `within ${spellCount(decisionWithinDays)} days`;
  }
  return null;
}

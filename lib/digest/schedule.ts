import { DateTime } from "luxon";

// docs/rules.md "Morning digest": when a user's digest may go out. Pure: the
// clock is an argument, so the DST days are tested without waiting for them.

/** How often the worker looks for digests to send. Every UTC offset in use is a whole quarter hour (India +05:30, Nepal +05:45), so a scan falls on every local hour. */
export const DIGEST_SCAN_CRON = "*/15 * * * *";
/** A digest not sent within this long after its hour (every worker down, the mail server refusing) is dropped for that day: a morning digest in the evening is noise. */
export const DIGEST_CATCH_UP_HOURS = 4;
/** The weekly "nothing due" digest goes out at most once in this many local days. */
export const DIGEST_IDLE_INTERVAL_DAYS = 7;
/** Steps listed in one digest; the rest are counted, with a link to the dashboard. */
export const DIGEST_STEP_LIMIT = 20;
/** How far ahead a step whose deadline has passed still counts as overdue (the dashboard's near horizon). */
export const DIGEST_HORIZON_DAYS = 7;

/** One zone's day at `now`: its date, ISO weekday (1 = Monday), and the instants the due-steps filter needs. */
export type DigestDay = {
  zone: string;
  localDate: string;
  weekday: number;
  startOfToday: Date;
  startOfTomorrow: Date;
  horizon: Date;
  /** the first local date whose idle digest still counts against this week's */
  idleSince: string;
};

/** null when the zone is not one the runtime knows. */
export function getDigestDay(now: Date, zone: string): DigestDay | null {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) return null;
  const start = local.startOf("day");
  const tomorrow = start.plus({ days: 1 });
  return {
    zone,
    localDate: start.toISODate()!,
    weekday: local.weekday,
    startOfToday: start.toJSDate(),
    startOfTomorrow: tomorrow.toJSDate(),
    horizon: tomorrow.plus({ days: DIGEST_HORIZON_DAYS }).toJSDate(),
    idleSince: start.minus({ days: DIGEST_IDLE_INTERVAL_DAYS - 1 }).toISODate()!,
  };
}

/**
 * The instant `hour`:00 falls on `localDate` in `zone`. On a spring-forward day an
 * hour the clocks skip (02:00 in New York) is the first instant after the gap
 * (03:00); on a fall-back day an hour that happens twice is its first time.
 */
export function getDigestTime(localDate: string, hour: number, zone: string): Date {
  return DateTime.fromISO(localDate, { zone }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** Whether a digest at `hour` may go out at `now`: its time has come today, less than DIGEST_CATCH_UP_HOURS ago. */
export function isDigestWindowOpen(day: DigestDay, hour: number, now: Date): boolean {
  const at = getDigestTime(day.localDate, hour, day.zone).getTime();
  return at <= now.getTime() && now.getTime() < at + DIGEST_CATCH_UP_HOURS * 3_600_000 && now < day.startOfTomorrow;
}

/** The digest hours (0-23) whose window is open at `now` in the day's zone. */
export function listOpenDigestHours(day: DigestDay, now: Date): number[] {
  return Array.from({ length: 24 }, (_, hour) => hour).filter((hour) => isDigestWindowOpen(day, hour, now));
}

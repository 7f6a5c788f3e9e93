import { DateTime } from "luxon";

// Until the browser reports the user's zone (first sign-in), plans use UTC.
export const DEFAULT_TIME_ZONE = "UTC";

// Every IANA zone the runtime knows, for the time-zone pickers.
export function listTimeZones(current?: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  if (!zones.includes(DEFAULT_TIME_ZONE)) zones.unshift(DEFAULT_TIME_ZONE);
  if (current && !zones.includes(current)) zones.unshift(current);
  return zones;
}

export type LocalDay = { start: Date; end: Date; tomorrow: string };

const LOCAL_DAYS = new Map<string, LocalDay>();

// The day `now` falls on in `zone` (its first and last instant, and tomorrow's
// date as yyyy-MM-dd). Every dashboard request asks; it changes once a day, so
// it is worked out once per zone and day rather than through Luxon each time.
export function getLocalDay(now: Date, zone: string): LocalDay {
  const cached = LOCAL_DAYS.get(zone);
  if (cached && cached.start <= now && now < cached.end) return cached;
  const start = DateTime.fromJSDate(now, { zone }).startOf("day");
  const next = start.plus({ days: 1 });
  const day = { start: start.toJSDate(), end: next.toJSDate(), tomorrow: next.toISODate()! };
  LOCAL_DAYS.set(zone, day);
  return day;
}

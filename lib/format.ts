import { DateTime } from "luxon";
import { getLocalDay } from "./time-zones";

// A page formats dozens of instants in one zone: one Intl formatter per zone,
// built once, instead of a Luxon DateTime (and its offset lookups) per instant.
const DATE_TIME_FORMATS = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(zone: string): Intl.DateTimeFormat {
  let format = DATE_TIME_FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    DATE_TIME_FORMATS.set(zone, format);
  }
  return format;
}

// en-US writes "Fri, Nov 20, 2026, 09:00"; reordered to "Fri 20 Nov 2026, 09:00".
// format() and a regex cost a sixth of formatToParts(); the parts are the
// fallback should a runtime's ICU ever write it differently.
const EN_US_DATE_TIME = /^(\w+), (\w+) (\d+), (\d+), (\d\d:\d\d)$/;

export function formatDateTime(instant: Date, zone: string): string {
  const format = dateTimeFormat(zone);
  const match = EN_US_DATE_TIME.exec(format.format(instant));
  if (match) return `${match[1]} ${match[3]} ${match[2]} ${match[4]}, ${match[5]}`;
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of format.formatToParts(instant)) part[type] = value;
  return `${part.weekday} ${part.day} ${part.month} ${part.year}, ${part.hour}:${part.minute}`;
}

export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat("ccc d LLL yyyy");
}

// What a snooze proposes: tomorrow at the user's send hour, as a datetime-local
// value (send hours are 07-21, where no zone changes its clocks).
export function proposeSnoozeLocal(now: Date, zone: string, sendHour: number): string {
  return `${getLocalDay(now, zone).tomorrow}T${String(sendHour).padStart(2, "0")}:00`;
}

export function formatZoneName(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ZZZZ");
}

import { DateTime } from "luxon";

export function formatDateTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ccc d LLL yyyy, HH:mm");
}

export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat("ccc d LLL yyyy");
}

export function formatZoneName(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ZZZZ");
}

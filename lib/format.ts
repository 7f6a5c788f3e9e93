import { DateTime } from "luxon";

export function formatDateTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ccc d LLL yyyy, HH:mm");
}

export function formatDate(isoDate: string): string {
  return DateTime.fromISO(isoDate).toFormat("ccc d LLL yyyy");
}

// What a snooze proposes: tomorrow at the user's send hour, as a datetime-local value.
export function proposeSnoozeLocal(now: Date, zone: string, sendHour: number): string {
  return DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).set({ hour: sendHour, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");
}

export function formatZoneName(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("ZZZZ");
}

import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDateTime, proposeSnoozeLocal } from "./format";
import { getLocalDay } from "./time-zones";

const ZONES = ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham"];
const HOUR_MS = 60 * 60 * 1000;

describe("formatDateTime", () => {
  it("writes weekday, day, month, year and 24-hour time in the zone", () => {
    expect(formatDateTime(new Date("2030-01-15T07:30:00Z"), "Europe/Berlin")).toBe("Tue 15 Jan 2030, 08:30");
    expect(formatDateTime(new Date("2026-11-20T23:59:00Z"), "Asia/Kolkata")).toBe("Sat 21 Nov 2026, 05:29");
    expect(formatDateTime(new Date("2026-09-06T22:00:00Z"), "UTC")).toBe("Sun 6 Sep 2026, 22:00");
  });

  it("says midnight as 00:00, never 24:00", () => {
    expect(formatDateTime(new Date("2026-03-01T23:00:00Z"), "Europe/Berlin")).toBe("Mon 2 Mar 2026, 00:00");
  });

  // the format the app used before, through Luxon, is the reference: every
  // 7 hours 13 minutes for two years, across DST changes and odd offsets
  it("matches Luxon's ccc d LLL yyyy, HH:mm in every zone, DST changes included", () => {
    for (const zone of ZONES) {
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2028, 0, 1); at += 7 * HOUR_MS + 13 * 60 * 1000) {
        const instant = new Date(at);
        expect(formatDateTime(instant, zone)).toBe(DateTime.fromJSDate(instant, { zone }).toFormat("ccc d LLL yyyy, HH:mm"));
      }
    }
  });
});

describe("proposeSnoozeLocal and the local day behind it", () => {
  it("proposes tomorrow at the send hour, as Luxon worked it out, through every day change", () => {
    for (const zone of ZONES) {
      for (let at = Date.UTC(2026, 2, 20); at < Date.UTC(2026, 10, 10); at += 5 * HOUR_MS + 17 * 60 * 1000) {
        const now = new Date(at);
        const expected = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).set({ hour: 9, minute: 0 }).toFormat("yyyy-MM-dd'T'HH:mm");
        expect(proposeSnoozeLocal(now, zone, 9)).toBe(expected);
      }
    }
  });

  it("knows a day when the clocks go forward is 23 hours long (Europe/Berlin, 29 March 2026)", () => {
    const day = getLocalDay(new Date("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(day.start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(day.end.toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(day.tomorrow).toBe("2026-03-30");
  });
});

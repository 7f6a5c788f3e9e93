import { describe, expect, it } from "vitest";
import { calendarDate, isCalendarDate, isLocalDateTime, localDateTime, toInstant } from "./dates";

describe("form dates", () => {
  it.each(["2025-02-30", "2025-02-29", "9999-99-99", "2025-13-01", "2025-00-10", "0000-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2025-1-1", "2025-01-01\u0000", ""])(
    "a date field refuses %j, which does not exist or is out of the years a form accepts",
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
      expect(calendarDate("Enter the date").safeParse(value).success).toBe(false);
    },
  );

  it("a date field accepts a real day, leap days included", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true);
    expect(isCalendarDate("1900-01-01")).toBe(true);
    expect(isCalendarDate("2100-12-31")).toBe(true);
  });

  it.each(["2025-13-01T10:00", "2025-02-30T10:00", "0000-01-01T10:00", "9999-12-31T23:59", "2025-01-01T24:00", "2025-01-01T10:60", "2025-01-01", "20250101T1000", "+002025-01-01T10:00", "2025-01-01T10:00\u0000"])(
    "a date-time field refuses %j",
    (value) => {
      expect(isLocalDateTime(value)).toBe(false);
      expect(localDateTime("Pick a date and time").safeParse(value).success).toBe(false);
      expect(toInstant(value, "Europe/Berlin")).toBeNull();
    },
  );

  it("a date-time field accepts minutes or seconds, as datetime-local sends them", () => {
    expect(isLocalDateTime("2026-11-17T15:00")).toBe(true);
    expect(isLocalDateTime("2026-11-17T15:00:30")).toBe(true);
    expect(toInstant("2026-11-17T15:00", "America/Los_Angeles")?.toISOString()).toBe("2026-11-17T23:00:00.000Z");
  });

  it("says which years it accepts", () => {
    const result = localDateTime("Pick a date and time").safeParse("9999-12-31T10:00");
    expect(result.error?.issues[0]?.message).toBe("Pick a date and time (a real date between 1900 and 2100)");
  });
});

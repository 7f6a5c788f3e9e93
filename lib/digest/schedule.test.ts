import { describe, expect, it } from "vitest";
import { getDigestDay, getDigestTime, isDigestWindowOpen, listOpenDigestHours } from "./schedule";

const at = (iso: string) => new Date(iso);

describe("morning digest schedule (docs/rules.md \"Morning digest\")", () => {
  it("an hour the clocks skip is the first instant after the gap: 02:00 on spring-forward day is 03:00 (New York, Berlin)", () => {
    expect(getDigestTime("2026-03-08", 2, "America/New_York")).toEqual(at("2026-03-08T07:00:00Z"));
    expect(getDigestTime("2026-03-29", 2, "Europe/Berlin")).toEqual(at("2026-03-29T01:00:00Z"));
  });

  it("an hour that happens twice on fall-back day is its first time", () => {
    expect(getDigestTime("2026-11-01", 1, "America/New_York")).toEqual(at("2026-11-01T05:00:00Z"));
    expect(getDigestTime("2026-10-25", 2, "Europe/Berlin")).toEqual(at("2026-10-25T00:00:00Z"));
  });

  it("the window opens at the hour and closes four hours later, or at the end of the local day", () => {
    const day = getDigestDay(at("2027-01-05T07:00:00Z"), "Europe/Berlin")!;
    expect(isDigestWindowOpen(day, 8, at("2027-01-05T06:59:59Z"))).toBe(false);
    expect(isDigestWindowOpen(day, 8, at("2027-01-05T07:00:00Z"))).toBe(true);
    expect(isDigestWindowOpen(day, 8, at("2027-01-05T10:59:59Z"))).toBe(true);
    expect(isDigestWindowOpen(day, 8, at("2027-01-05T11:00:00Z"))).toBe(false);
    const late = getDigestDay(at("2027-01-05T22:30:00Z"), "Europe/Berlin")!;
    expect(listOpenDigestHours(late, at("2027-01-05T22:30:00Z"))).toEqual([20, 21, 22, 23]);
  });

  it("the local date and ISO weekday are the zone's: 02:15 UTC is Tuesday 08:00 in Kathmandu, Monday 21:15 in New York", () => {
    expect(getDigestDay(at("2027-01-05T02:15:00Z"), "Asia/Kathmandu")).toMatchObject({ localDate: "2027-01-05", weekday: 2, idleSince: "2026-12-30" });
    expect(getDigestDay(at("2027-01-05T02:15:00Z"), "America/New_York")).toMatchObject({ localDate: "2027-01-04", weekday: 1 });
    expect(listOpenDigestHours(getDigestDay(at("2027-01-05T02:15:00Z"), "Asia/Kathmandu")!, at("2027-01-05T02:15:00Z"))).toEqual([5, 6, 7, 8]);
  });

  it("a zone the runtime does not know gives no day (the scan skips it instead of failing everyone's digest)", () => {
    expect(getDigestDay(at("2027-01-05T02:15:00Z"), "Mars/Olympus_Mons")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatDays, formatShare, getPeriodStart, MIN_COMPARABLE_COUNT, parsePeriod, toMedian, toShare } from "./figures";

const REPLIES = { one: "reply", many: "replies" };

describe('docs/insights.md "Small numbers"', () => {
  it(`a share of fewer than ${MIN_COMPARABLE_COUNT} cases carries the caveat, in the user's words`, () => {
    expect(toShare(2, 3, REPLIES)).toEqual({ part: 2, whole: 3, ratio: 2 / 3, caveat: "3 replies: too few to compare" });
    expect(toShare(1, 1, REPLIES).caveat).toBe("1 reply: too few to compare");
  });

  it(`${MIN_COMPARABLE_COUNT} cases or more are compared without a caveat`, () => {
    expect(toShare(3, MIN_COMPARABLE_COUNT, REPLIES).caveat).toBeNull();
    expect(toMedian(2.5, MIN_COMPARABLE_COUNT, REPLIES).caveat).toBeNull();
  });

  it("nothing to count is no share at all, not 0%", () => {
    expect(toShare(0, 0, REPLIES)).toEqual({ part: 0, whole: 0, ratio: null, caveat: "No replies yet" });
    expect(formatShare(toShare(0, 0, REPLIES))).toBe("–");
    expect(toMedian(null, 0, REPLIES)).toEqual({ days: null, cases: 0, caveat: "No replies yet" });
  });

  it("shares read as a rounded percentage with their counts, medians in days to one decimal", () => {
    expect(formatShare(toShare(2, 3, REPLIES))).toBe("67% (2 of 3)");
    expect(formatDays(toMedian(2.25, 4, REPLIES))).toBe("2.3 days");
    expect(formatDays(toMedian(1, 4, REPLIES))).toBe("1 day");
  });
});

describe('docs/insights.md "Periods"', () => {
  const NOW = new Date("2026-12-31T12:00:00Z");

  it("the last 30 or 90 days start that many days before now; all time has no start", () => {
    expect(getPeriodStart("30", NOW)?.toISOString()).toBe("2026-12-01T12:00:00.000Z");
    expect(getPeriodStart("90", NOW)?.toISOString()).toBe("2026-10-02T12:00:00.000Z");
    expect(getPeriodStart("all", NOW)).toBeNull();
  });

  it("an unknown period in the address falls back to the last 90 days", () => {
    expect(parsePeriod("30")).toBe("30");
    expect(parsePeriod("all")).toBe("all");
    expect(parsePeriod("365")).toBe("90");
    expect(parsePeriod(["30", "all"])).toBe("90");
    expect(parsePeriod(undefined)).toBe("90");
  });
});

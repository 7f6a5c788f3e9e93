import { describe, expect, it } from "vitest";
import { describeDecisionTimeline, describeInterviewDay } from "./dates";

describe("dates written the way a person writes them", () => {
  it.each([
    ["2026-12-04", "2026-12-04", "today"],
    ["2026-12-03", "2026-12-04", "yesterday"],
    ["2026-12-01", "2026-12-04", "on Tuesday"],
    ["2026-11-17", "2026-12-04", "on 17 November"],
    ["2026-11-17", null, "on 17 November"],
    [null, "2026-12-04", ""],
  ])("an interview on %s, written on %s, reads %j", (day, writtenOn, expected) => {
    expect(describeInterviewDay(day, writtenOn)).toBe(expected);
  });

  it("quotes their timeline as they gave it, never a date computed from a number of days", () => {
    expect(describeDecisionTimeline({ decisionDate: null, decisionWithinDays: 10 })).toBe("within 10 days");
    expect(describeDecisionTimeline({ decisionDate: null, decisionWithinDays: 5 })).toBe("within five days");
    expect(describeDecisionTimeline({ decisionDate: null, decisionWithinDays: 7 })).toBe("within a week");
    expect(describeDecisionTimeline({ decisionDate: null, decisionWithinDays: 14 })).toBe("within two weeks");
    expect(describeDecisionTimeline({ decisionDate: "2026-12-04", decisionWithinDays: null })).toBe("by Friday 4 December");
    expect(describeDecisionTimeline({ decisionDate: null, decisionWithinDays: null })).toBeNull();
  });
});

import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { buildPlan } from "./build-plan";
import { findStep, localTime, makeInput, toLocalIso } from "@/lib/test/plan-fixtures";

describe("time zones: all local arithmetic happens in the user's IANA zone", () => {
  it("Los Angeles, interview ending Friday 16:30: the next morning is Saturday and Monday is past 24 h, so Friday 17:00", () => {
    const zone = "America/Los_Angeles";
    const plan = buildPlan(
      makeInput({ timeZone: zone, interview: { startsAt: localTime("2025-11-14T15:30", zone), durationMinutes: 60 } }),
    );
    const thankYou = findStep(plan, "thank_you:i-anna");
    expect(toLocalIso(thankYou.dueAt, zone)).toBe("2025-11-14T17:00:00.000-08:00");
    expect(thankYou.dueAt.toISOString()).toBe("2025-11-15T01:00:00.000Z");
  });

  it.each([
    // Clocks go forward on Sun 30 Mar 2025: interview at +01:00, follow-up 14 days later at +02:00.
    ["March (last Sunday, 30 Mar)", "2025-03-25T10:00", "2025-04-08T09:00:00.000+02:00", "2025-04-08T07:00:00.000Z", 60, 120],
    // Clocks go back on Sun 26 Oct 2025: interview at +02:00, follow-up 14 days later at +01:00.
    ["October (last Sunday, 26 Oct)", "2025-10-21T10:00", "2025-11-04T09:00:00.000+01:00", "2025-11-04T08:00:00.000Z", 120, 60],
  ])("Berlin DST change in %s between interview and follow-up: still 09:00 local", (_label, start, localDue, utcDue, offsetBefore, offsetAfter) => {
    const zone = "Europe/Berlin";
    const plan = buildPlan(makeInput({ timeZone: zone, interview: { startsAt: localTime(start, zone) } }));
    const first = findStep(plan, "follow_up:1");
    expect(toLocalIso(first.dueAt, zone)).toBe(localDue);
    expect(first.dueAt.toISOString()).toBe(utcDue);
    expect(DateTime.fromJSDate(plan.steps[0]?.dueAt as Date, { zone }).offset).toBe(offsetBefore);
    expect(DateTime.fromJSDate(first.dueAt, { zone }).offset).toBe(offsetAfter);
  });

  it("an interview ending Tuesday 23:30 (night) gets the next morning, Wednesday 09:00", () => {
    const plan = buildPlan(makeInput({ interview: { startsAt: localTime("2025-11-11T22:30"), durationMinutes: 60 } }));
    expect(toLocalIso(findStep(plan, "thank_you:i-anna").dueAt)).toBe("2025-11-12T09:00:00.000+01:00");
  });

  it("a decision date on a Saturday (15 Nov) moves the first follow-up to the next business day, Monday 17 Nov 09:00", () => {
    const plan = buildPlan(makeInput({ interview: { decisionDate: "2025-11-15" } }));
    expect(toLocalIso(findStep(plan, "follow_up:1").dueAt)).toBe("2025-11-17T09:00:00.000+01:00");
  });

  it("Asia/Kolkata (UTC+05:30): 09:00 local is 03:30 UTC", () => {
    const zone = "Asia/Kolkata";
    const plan = buildPlan(makeInput({ timeZone: zone, interview: { startsAt: localTime("2025-11-11T14:00", zone) } }));
    for (const key of ["thank_you:i-anna", "follow_up:1"]) {
      const step = findStep(plan, key);
      expect(toLocalIso(step.dueAt, zone)?.slice(11)).toBe("09:00:00.000+05:30");
      expect(step.dueAt.toISOString().slice(11)).toBe("03:30:00.000Z");
    }
    expect(findStep(plan, "thank_you:i-anna").dueAt.toISOString()).toBe("2025-11-12T03:30:00.000Z");
  });

  it("send hour 8 instead of 9 moves the proposed times to 08:00", () => {
    const plan = buildPlan(makeInput({ preferences: { sendHour: 8 }, interview: { decisionDate: "2025-11-14" } }));
    expect(
      ["thank_you:i-anna", "follow_up:1", "follow_up:2", "move_on"].map((key) => toLocalIso(findStep(plan, key).dueAt)),
    ).toEqual([
      "2025-11-12T08:00:00.000+01:00",
      "2025-11-17T08:00:00.000+01:00",
      "2025-11-24T08:00:00.000+01:00",
      "2025-12-01T08:00:00.000+01:00",
    ]);
  });

  it.each([
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
  ])('docs/rules.md "Calendar events": a setting saved as %s plans the same times as %s', (old, current) => {
    const plan = (zone: string) =>
      buildPlan(makeInput({ timeZone: zone, interview: { startsAt: new Date("2025-11-11T09:00:00Z"), decisionDate: "2025-11-14" } })).steps.map(
        (step) => [step.key, step.dueAt.toISOString()],
      );
    expect(plan(old)).toEqual(plan(current));
    expect(plan(old).length).toBeGreaterThan(2);
  });

  it("rejects an unknown time zone instead of silently using the server's", () => {
    expect(() => buildPlan(makeInput({ timeZone: "Mars/Olympus_Mons", interview: { startsAt: new Date("2025-11-11T13:00:00Z") } }))).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { interviewInputSchema } from "./interviews/schemas";
import { interviewFormValues } from "./test/factories";
import { DEFAULT_TIME_ZONE, listTimeZones, readStoredTimeZone, toCanonicalTimeZone, UNKNOWN_TIME_ZONE_MESSAGE } from "./time-zones";
import { settingsInputSchema } from "./users/settings";

const SETTINGS = { displayName: "Sam Lee", sendHour: "9", signature: "Sam Lee", postalAddress: "" };

describe('docs/rules.md "Calendar events": time zones go by their current IANA names', () => {
  it.each([
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["Europe/Uzhgorod", "Europe/Kyiv"],
    ["US/Pacific", "America/Los_Angeles"],
    ["asia/calcutta", "Asia/Kolkata"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["Europe/Kyiv", "Europe/Kyiv"],
    ["Etc/UTC", "UTC"],
    ["UTC", "UTC"],
  ])("maps %s to %s", (name, canonical) => {
    expect(toCanonicalTimeZone(name)).toBe(canonical);
  });

  it("knows no zone by a made-up or empty name", () => {
    expect(toCanonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(toCanonicalTimeZone(" ")).toBeNull();
  });

  it("the pickers list Asia/Kolkata and Europe/Kyiv and UTC, not the old names", () => {
    const zones = listTimeZones();
    expect(zones).toEqual(expect.arrayContaining(["Asia/Kolkata", "Europe/Kyiv", "America/Los_Angeles", DEFAULT_TIME_ZONE]));
    for (const old of ["Asia/Calcutta", "Europe/Kiev", "US/Pacific", "Etc/UTC", "Factory", "Etc/GMT+5"]) expect(zones).not.toContain(old);
    expect(new Set(zones).size).toBe(zones.length);
  });

  it("a setting saved under an old name shows as selected under its current name", () => {
    expect(readStoredTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(readStoredTimeZone(null)).toBe(DEFAULT_TIME_ZONE);
    expect(listTimeZones("Europe/Kiev")).not.toContain("Europe/Kiev");
    // a zone accepted but not offered (POSIX offsets) stays selectable for whoever has it
    expect(listTimeZones("Etc/GMT-3")[0]).toBe("Etc/GMT-3");
  });

  it.each([
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
  ])("the settings schema accepts %s (as a browser reports it) and saves %s", (name, canonical) => {
    const parsed = settingsInputSchema.safeParse({ ...SETTINGS, timeZone: name });
    expect(parsed.success && parsed.data.timeZone).toBe(canonical);
  });

  it.each([
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
  ])("the interview schema accepts %s and saves %s, at the same instant", (name, canonical) => {
    const old = interviewInputSchema.parse(interviewFormValues({ timeZone: name }));
    const current = interviewInputSchema.parse(interviewFormValues({ timeZone: canonical }));
    expect(old.interview.timeZone).toBe(canonical);
    expect(old.interview.startsAt.toISOString()).toBe(current.interview.startsAt.toISOString());
  });

  it("the settings and interview schemas refuse an unknown zone with a message saying what to do", () => {
    const settings = settingsInputSchema.safeParse({ ...SETTINGS, timeZone: "Mars/Olympus_Mons" });
    const interview = interviewInputSchema.safeParse(interviewFormValues({ timeZone: "Mars/Olympus_Mons" }));
    for (const result of [settings, interview]) {
      expect(result.success).toBe(false);
      const issue = result.error?.issues.find((entry) => entry.path.join(".").endsWith("timeZone"));
      expect(issue?.message).toBe(UNKNOWN_TIME_ZONE_MESSAGE);
    }
    expect(UNKNOWN_TIME_ZONE_MESSAGE).toMatch(/^Unknown time zone: choose one from the list/);
  });
});

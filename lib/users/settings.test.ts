import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { addPersonalWord, getUserSettings, personalWordSchema, setDetectedTimeZone, settingsInputSchema, updateUserSettings } from "./settings";

setupTestDatabase();

describe("user settings", () => {
  it("adds a word to the personal dictionary once", async () => {
    const user = await createTestUser();
    await addPersonalWord({ userId: user.id, word: "Dagster" });
    await addPersonalWord({ userId: user.id, word: "Dagster" });
    expect((await getUserSettings({ userId: user.id })).personalWords).toEqual(["Dagster"]);
    expect(personalWordSchema.safeParse("two words").success).toBe(false);
    expect(personalWordSchema.safeParse("O'Brien").success).toBe(true);
  });

  it("defaults to 09:00 and UTC until the browser reports a zone", async () => {
    const user = await createTestUser({ timeZone: null });
    const settings = await getUserSettings({ userId: user.id });
    expect(settings).toMatchObject({ sendHour: 9, timeZone: "UTC", hasDetectedTimeZone: false });
  });

  it("takes the detected zone once, and never overrides one the user chose", async () => {
    const user = await createTestUser({ timeZone: null });
    await setDetectedTimeZone({ userId: user.id, timeZone: "Asia/Kolkata", now: new Date() });
    await setDetectedTimeZone({ userId: user.id, timeZone: "America/New_York", now: new Date() });
    expect((await getUserSettings({ userId: user.id })).timeZone).toBe("Asia/Kolkata");
  });

  it("saves the display name, zone, send hour and signature", async () => {
    const user = await createTestUser();
    const input = settingsInputSchema.parse({ displayName: "Sam Lee", timeZone: "America/Los_Angeles", sendHour: "8", signature: "Sam Lee\n+1 415 555 0100", postalAddress: "1 Main St\nSpringfield" });
    await updateUserSettings({ userId: user.id, input, now: new Date() });
    expect(await getUserSettings({ userId: user.id })).toMatchObject({ displayName: "Sam Lee", timeZone: "America/Los_Angeles", sendHour: 8 });
  });

  it("refuses a night-time send hour and an unknown zone", () => {
    const result = settingsInputSchema.safeParse({ displayName: "", timeZone: "Nowhere/Else", sendHour: "23", signature: "", postalAddress: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(["sendHour", "timeZone"]);
  });
});

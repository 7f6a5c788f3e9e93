import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { eq } from "drizzle-orm";
import { db } from "../db/client";
import { users } from "../db/schema";
import { UserFacingError } from "../errors";
import {
  addPersonalWord,
  getUserSettings,
  MAX_PERSONAL_WORD_LENGTH,
  MAX_PERSONAL_WORDS,
  personalWordSchema,
  setDetectedTimeZone,
  settingsInputSchema,
  updateUserSettings,
} from "./settings";

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

  it("caps the personal dictionary, and says so when it is full", async () => {
    const user = await createTestUser();
    const words = Array.from({ length: MAX_PERSONAL_WORDS - 1 }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}${index}`);
    await db.update(users).set({ personalWords: words }).where(eq(users.id, user.id));
    await addPersonalWord({ userId: user.id, word: "Dagster" });
    const refused = await addPersonalWord({ userId: user.id, word: "Airflow" }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as Error).message).toMatch(new RegExp(`dictionary is full \\(${MAX_PERSONAL_WORDS} words\\)`));
    // a word already in the full dictionary is no error
    await addPersonalWord({ userId: user.id, word: "Dagster" });
    const { personalWords } = await getUserSettings({ userId: user.id });
    expect(personalWords).toHaveLength(MAX_PERSONAL_WORDS);
    expect(personalWords).not.toContain("Airflow");
  });

  it("bounds the length of one dictionary word", () => {
    expect(personalWordSchema.safeParse("a".repeat(MAX_PERSONAL_WORD_LENGTH)).success).toBe(true);
    const tooLong = personalWordSchema.safeParse("a".repeat(MAX_PERSONAL_WORD_LENGTH + 1));
    expect(tooLong.error?.issues[0]?.message).toMatch(`at most ${MAX_PERSONAL_WORD_LENGTH} letters`);
  });

  it("refuses an encoded word in the display name (it goes into From) and NUL in the signature", () => {
    const result = settingsInputSchema.safeParse({
      displayName: "=?utf-8?Q?Sam=0D=0ABcc:x@example.com?=",
      timeZone: "UTC",
      sendHour: "9",
      signature: "Sam\u0000",
      postalAddress: "",
    });
    expect(Object.fromEntries(result.error?.issues.map((issue) => [issue.path[0], issue.message]) ?? [])).toMatchObject({
      displayName: expect.stringMatching(/=\?\.\.\.\?=/),
      signature: expect.stringMatching(/control character/),
    });
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

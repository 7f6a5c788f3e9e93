import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { users } from "@/lib/db/schema";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { UNKNOWN_TIME_ZONE_MESSAGE } from "@/lib/time-zones";
import { getUserSettings } from "@/lib/users/settings";
import { saveDetectedTimeZoneAction } from "../actions";
import { saveSettingsAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

const SETTINGS = { displayName: "Sam Lee", sendHour: "9", signature: "Sam Lee", postalAddress: "" };

async function storedZone(userId: string) {
  const [row] = await getDb().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
  return row?.timeZone;
}

describe('docs/rules.md "Calendar events": zones are saved under their current names', () => {
  it("a setting stored as Asia/Calcutta reads as Asia/Kolkata and is saved as Asia/Kolkata", async () => {
    const user = await createTestUser({ timeZone: "Asia/Calcutta" });
    signInAs(await createTestSession(user.id));
    expect((await getUserSettings({ userId: user.id })).timeZone).toBe("Asia/Kolkata");

    const { result } = await captureNavigation(() => saveSettingsAction(INITIAL_ACTION_STATE, formData({ ...SETTINGS, timeZone: "Asia/Calcutta" })));
    expect(result).toMatchObject({ status: "success" });
    expect(await storedZone(user.id)).toBe("Asia/Kolkata");
  });

  it("the zone a browser reports as Europe/Kiev is saved as Europe/Kyiv on first sign-in", async () => {
    const user = await createTestUser({ timeZone: null });
    signInAs(await createTestSession(user.id));
    await captureNavigation(() => saveDetectedTimeZoneAction("Europe/Kiev"));
    expect(await storedZone(user.id)).toBe("Europe/Kyiv");
    expect(takeRevalidatedPaths()).toEqual(["/dashboard", "/settings"]);
  });

  it("refuses an unknown zone next to the field and keeps the saved one", async () => {
    const user = await createTestUser({ timeZone: "Europe/Berlin" });
    signInAs(await createTestSession(user.id));
    const { result } = await captureNavigation(() => saveSettingsAction(INITIAL_ACTION_STATE, formData({ ...SETTINGS, timeZone: "Mars/Olympus_Mons" })));
    expect(result).toMatchObject({ status: "error", fieldErrors: { timeZone: [UNKNOWN_TIME_ZONE_MESSAGE] } });
    expect(await storedZone(user.id)).toBe("Europe/Berlin");
    expect(takeRevalidatedPaths()).toEqual([]);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { getUserSettings } from "@/lib/users/settings";
import { saveSettingsAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

const SETTINGS = { displayName: "Sam Lee", timeZone: "Europe/Berlin", sendHour: "9", signature: "Sam Lee", postalAddress: "" };

describe('docs/rules.md "Network invitation": the Settings checkbox', () => {
  it("is off for a new user, turns on when checked and off again when unchecked (absent from the form)", async () => {
    const user = await createTestUser();
    signInAs(await createTestSession(user.id));
    expect((await getUserSettings({ userId: user.id })).includeNetworkInvite).toBe(false);

    const saved = await captureNavigation(() => saveSettingsAction(INITIAL_ACTION_STATE, formData({ ...SETTINGS, includeNetworkInvite: "on" })));
    expect(saved.result).toMatchObject({ status: "success" });
    expect((await getUserSettings({ userId: user.id })).includeNetworkInvite).toBe(true);
    // the dashboard lists its steps in the saved time zone and send hour
    expect(takeRevalidatedPaths()).toEqual(["/settings", "/dashboard"]);

    await captureNavigation(() => saveSettingsAction(INITIAL_ACTION_STATE, formData(SETTINGS)));
    expect((await getUserSettings({ userId: user.id })).includeNetworkInvite).toBe(false);
  });

  it("refuses a value a checkbox cannot send, and changes nothing", async () => {
    const user = await createTestUser();
    signInAs(await createTestSession(user.id));
    const before = await getUserSettings({ userId: user.id });
    const { result } = await captureNavigation(() => saveSettingsAction(INITIAL_ACTION_STATE, formData({ ...SETTINGS, includeNetworkInvite: "yes please" })));
    expect(result).toMatchObject({ status: "error", fieldErrors: { includeNetworkInvite: expect.any(Array) } });
    expect(await getUserSettings({ userId: user.id })).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });
});

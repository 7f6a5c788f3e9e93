import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDigestSettings } from "@/lib/digest/settings";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths } from "@/lib/test/request-context";
import { saveDigestSettingsAction } from "./digest-actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const save = (entries: [string, string][]) => captureNavigation(() => saveDigestSettingsAction(INITIAL_ACTION_STATE, form(entries)));

async function signedInUser() {
  const user = await createTestUser();
  signInAs(await createTestSession(user.id));
  return user;
}

describe('docs/rules.md "Morning digest": the Settings panel', () => {
  it("is off for a user who never opted in, at 08:00 Monday to Friday, without the weekly idle mail", async () => {
    const user = await signedInUser();
    expect(await getDigestSettings({ userId: user.id })).toMatchObject({ digestEnabled: false, digestHour: 8, digestWeekdays: [1, 2, 3, 4, 5], digestWeeklyIdle: false });
  });

  it("saves the switch, the hour, the days (one or several) and the weekly idle mail", async () => {
    const user = await signedInUser();
    const saved = await save([["digestEnabled", "on"], ["digestHour", "7"], ["digestWeekdays", "2"], ["digestWeekdays", "4"], ["digestWeeklyIdle", "on"]]);
    expect(saved.result).toMatchObject({ status: "success", message: expect.stringContaining("at 07:00") });
    expect(await getDigestSettings({ userId: user.id })).toMatchObject({ digestEnabled: true, digestHour: 7, digestWeekdays: [2, 4], digestWeeklyIdle: true });
    expect(takeRevalidatedPaths()).toEqual(["/settings"]);
    const single = await save([["digestEnabled", "on"], ["digestHour", "9"], ["digestWeekdays", "6"]]);
    expect(single.result).toMatchObject({ status: "success" });
    expect(await getDigestSettings({ userId: user.id })).toMatchObject({ digestEnabled: true, digestHour: 9, digestWeekdays: [6], digestWeeklyIdle: false });
  });

  it("asks for at least one day when the digest is on, next to the days, and keeps what was typed", async () => {
    const user = await signedInUser();
    const before = await getDigestSettings({ userId: user.id });
    const saved = await save([["digestEnabled", "on"], ["digestHour", "8"]]);
    expect(saved.result).toMatchObject({ status: "error", fieldErrors: { digestWeekdays: ["Choose at least one day, or turn the digest off"] }, values: { digestEnabled: "on", digestHour: "8" } });
    expect(await getDigestSettings({ userId: user.id })).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("refuses an hour outside 00-23 or a day outside Monday-Sunday", async () => {
    const user = await signedInUser();
    const before = await getDigestSettings({ userId: user.id });
    expect((await save([["digestEnabled", "on"], ["digestHour", "24"], ["digestWeekdays", "1"]])).result).toMatchObject({ status: "error", fieldErrors: { digestHour: [expect.any(String)] } });
    expect((await save([["digestEnabled", "on"], ["digestHour", "8"], ["digestWeekdays", "8"]])).result).toMatchObject({ status: "error", fieldErrors: { "digestWeekdays[0]": ["Not a day of the week"] } });
    expect(await getDigestSettings({ userId: user.id })).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });
});

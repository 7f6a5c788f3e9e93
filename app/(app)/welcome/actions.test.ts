import { asc } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { users } from "@/lib/db/schema";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { getDigestSettings } from "@/lib/digest/settings";
import { getUserSettings } from "@/lib/users/settings";
import { saveFirstRunDetailsAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

const DRAFT_PATH = "/drafts/0b7f3c4e-9d1a-4c55-8f7e-2a6b1d3c4e5f";

async function signInNewUser() {
  const user = await createTestUser({ displayName: null, signature: "" });
  signInAs(await createTestSession(user.id));
  return user;
}

describe('docs/rules.md "Before your first draft": the first-run form', () => {
  it("saves the name and the signature it offered and goes on to the draft the user opened", async () => {
    const user = await signInNewUser();
    const signature = `Sam Lee\n${user.email}`;
    const { redirect } = await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature, returnTo: DRAFT_PATH })),
    );
    expect(redirect).toBe(DRAFT_PATH);
    const settings = await getUserSettings({ userId: user.id });
    expect(settings).toMatchObject({ displayName: "Sam Lee", signature });
    expect(takeRevalidatedPaths()).toEqual(["/settings", "/dashboard"]);
  });

  it('offers the morning digest unticked (docs/rules.md "Morning digest"): ticked turns it on, left alone it stays off', async () => {
    const optedIn = await signInNewUser();
    await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: `Sam Lee\n${optedIn.email}`, digestEnabled: "on", returnTo: DRAFT_PATH })),
    );
    expect(await getDigestSettings({ userId: optedIn.id })).toMatchObject({ digestEnabled: true, digestHour: 8, digestWeekdays: [1, 2, 3, 4, 5] });
    const leftAlone = await signInNewUser();
    await captureNavigation(() => saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: `Sam Lee\n${leftAlone.email}`, returnTo: DRAFT_PATH })));
    expect(await getDigestSettings({ userId: leftAlone.id })).toMatchObject({ digestEnabled: false });
  });

  it("refuses a signature without an email or a phone number, next to the field, keeps what was typed and saves nothing", async () => {
    const user = await signInNewUser();
    const before = { settings: await getUserSettings({ userId: user.id }), digest: await getDigestSettings({ userId: user.id }) };
    const { result, redirect } = await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: "Sam Lee\nData engineer", digestEnabled: "on", returnTo: DRAFT_PATH })),
    );
    expect(redirect).toBeUndefined();
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { signature: ["Add an email address or a phone number, so the interviewer can reach you"] },
      values: { displayName: "Sam Lee", signature: "Sam Lee\nData engineer" },
    });
    expect({ settings: await getUserSettings({ userId: user.id }), digest: await getDigestSettings({ userId: user.id }) }).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("accepts a phone number in place of an email address", async () => {
    const user = await signInNewUser();
    const { redirect } = await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: "Sam Lee\n+1 415 555 0100", returnTo: DRAFT_PATH })),
    );
    expect(redirect).toBe(DRAFT_PATH);
    expect((await getUserSettings({ userId: user.id })).signature).toBe("Sam Lee\n+1 415 555 0100");
  });

  it("asks for the name when it is left empty", async () => {
    await signInNewUser();
    const { result } = await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "  ", signature: "sam@example.test", returnTo: DRAFT_PATH })),
    );
    expect(result).toMatchObject({ status: "error", fieldErrors: { displayName: ["Your name is required"] } });
  });

  it.each([
    ["another site", "https://evil.example/drafts/1"],
    ["a protocol-relative address", "//evil.example"],
    ["no return path", ""],
  ])("goes to the dashboard when the return path is %s", async (_label, returnTo) => {
    await signInNewUser();
    const { redirect } = await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: "sam@example.test", returnTo })),
    );
    expect(redirect).toBe("/dashboard");
  });

  it("changes only the signed-in user's details", async () => {
    const other = await createTestUser({ displayName: "Other Person", signature: "other@example.test" });
    await signInNewUser();
    await captureNavigation(() => saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: "sam@example.test", returnTo: "" })));
    expect(await getUserSettings({ userId: other.id })).toMatchObject({ displayName: "Other Person", signature: "other@example.test" });
  });

  it("sends a signed-out visitor to sign in and saves nothing", async () => {
    await signInNewUser();
    const allUsers = () => getDb().select().from(users).orderBy(asc(users.id));
    const before = await allUsers();
    signInAs(null);
    const { redirect } = await captureNavigation(() =>
      saveFirstRunDetailsAction(INITIAL_ACTION_STATE, formData({ displayName: "Sam Lee", signature: "sam@example.test", returnTo: DRAFT_PATH })),
    );
    expect(redirect).toBe("/signin");
    expect(await allUsers()).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });
});

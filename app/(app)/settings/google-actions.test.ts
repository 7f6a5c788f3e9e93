import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { googleSettings, planSteps } from "@/lib/db/schema";
import { saveGoogleSetting } from "@/lib/google/connection";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { createInterview } from "@/lib/interviews/mutations";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewInput } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths, formData } from "@/lib/test/request-context";
import { markStepDoneAction } from "../steps/actions";
import { connectGoogleAction, setGoogleFeatureAction } from "./google-actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});
setupFakeGoogle();

const NOW = new Date("2026-11-17T16:30:00Z");
const SIGN_IN_SCOPES = "openid email profile https://www.googleapis.com/auth/gmail.send";
const CALENDAR_SCOPE = "https://www.googleapis.com/auth/calendar.app.created";

async function signedInGoogleUser(scope = SIGN_IN_SCOPES) {
  const user = await createUserWithGoogleAccount({ accessToken: `a-${randomUUID()}`, refreshToken: `r-${randomUUID()}`, expiresAt: NOW.getTime() / 1000 + 3600, scope });
  signInAs(await createTestSession(user.id));
  return user;
}

async function readSetting(userId: string) {
  const [row] = await getDb().select().from(googleSettings).where(eq(googleSettings.userId, userId));
  return row;
}

async function queuedPushes(userId: string): Promise<number> {
  // pg-boss creates its schema when the first job is queued
  const [queue] = await getDb().execute<{ exists: boolean }>(sql`select to_regclass('pgboss.job') is not null as exists`);
  if (!queue?.exists) return 0;
  const rows = await getDb().execute<{ count: number }>(
    sql`select count(*)::int as count from pgboss.job where name = 'calendar-push' and singleton_key = ${userId} and data->>'userId' = ${userId}`,
  );
  return rows[0]?.count ?? 0;
}

function consentParams(redirect: string | undefined): URLSearchParams {
  const url = new URL(redirect ?? "missing:");
  expect(`${url.origin}${url.pathname}`).toBe("https://accounts.google.com/o/oauth2/v2/auth");
  return url.searchParams;
}

describe("Google settings actions", () => {
  it("turning on calendar push without the scope saves the choice and asks Google for that scope on top of the granted ones", async () => {
    const user = await signedInGoogleUser();

    const { redirect } = await captureNavigation(() => setGoogleFeatureAction(INITIAL_ACTION_STATE, formData({ feature: "calendar", isEnabled: "true" })));

    const params = consentParams(redirect);
    expect(params.get("scope")!.split(" ").sort()).toEqual([...SIGN_IN_SCOPES.split(" "), CALENDAR_SCOPE].sort());
    expect(params.get("include_granted_scopes")).toBe("true");
    expect(params.get("access_type")).toBe("offline");
    expect(params.get("prompt")).toBe("consent");
    expect(params.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/google");
    expect(params.get("client_id")).toBe(process.env.AUTH_GOOGLE_ID);
    expect(await readSetting(user.id)).toMatchObject({ calendarPush: true });
    expect(await queuedPushes(user.id)).toBe(0);
  });

  it("turning on reply reading asks for gmail.readonly, the restricted scope, only then", async () => {
    await signedInGoogleUser();

    const { redirect } = await captureNavigation(() => setGoogleFeatureAction(INITIAL_ACTION_STATE, formData({ feature: "read", isEnabled: "true" })));

    const scopes = consentParams(redirect).get("scope")!.split(" ");
    expect(scopes).toContain("https://www.googleapis.com/auth/gmail.readonly");
    expect(scopes).not.toContain(CALENDAR_SCOPE);
  });

  it("turning on calendar push with the scope granted queues one push of the whole plan, without leaving the page", async () => {
    const user = await signedInGoogleUser(`${SIGN_IN_SCOPES} ${CALENDAR_SCOPE}`);

    const { result, redirect } = await captureNavigation(() => setGoogleFeatureAction(INITIAL_ACTION_STATE, formData({ feature: "calendar", isEnabled: "true" })));

    expect(redirect).toBeUndefined();
    expect(result).toMatchObject({ status: "success", message: "Google Calendar push is on." });
    expect(await queuedPushes(user.id)).toBe(1);
  });

  it("turning sending off needs no consent", async () => {
    const user = await signedInGoogleUser();

    const { result } = await captureNavigation(() => setGoogleFeatureAction(INITIAL_ACTION_STATE, formData({ feature: "send", isEnabled: "false" })));

    expect(result).toMatchObject({ status: "success", message: "Sending with Gmail is off." });
    expect(await readSetting(user.id)).toMatchObject({ sendWithGmail: false });
    expect(takeRevalidatedPaths()).toEqual(["/settings"]);
  });

  it("rejects an unknown option", async () => {
    const user = await signedInGoogleUser();
    const before = await readSetting(user.id);

    const { result } = await captureNavigation(() => setGoogleFeatureAction(INITIAL_ACTION_STATE, formData({ feature: "drive", isEnabled: "true" })));

    expect(result).toMatchObject({ status: "error", fieldErrors: { feature: ["Unknown Google option"] } });
    expect(await readSetting(user.id)).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("reconnecting asks for the sign-in scopes again", async () => {
    const user = await signedInGoogleUser();
    await saveGoogleSetting({ userId: user.id, values: { brokenAt: NOW, lastError: "Reconnect Google" }, now: NOW });

    const { redirect } = await captureNavigation(() => connectGoogleAction(INITIAL_ACTION_STATE, formData({})));

    expect(consentParams(redirect).get("scope")!.split(" ").sort()).toEqual(SIGN_IN_SCOPES.split(" ").sort());
  });
});

describe("calendar push after a plan change", () => {
  async function markThankYouDone(userId: string) {
    const { interviewId } = await createInterview({ userId, input: interviewInput(), now: NOW });
    const [step] = await getDb()
      .select({ id: planSteps.id })
      .from(planSteps)
      .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.kind, "thank_you")))
      .limit(1);
    return captureNavigation(() => markStepDoneAction(step!.id));
  }

  it("is requested after a step is marked done, for a user who opted in", async () => {
    const user = await signedInGoogleUser(`${SIGN_IN_SCOPES} ${CALENDAR_SCOPE}`);
    await saveGoogleSetting({ userId: user.id, values: { calendarPush: true }, now: NOW });

    const { result } = await markThankYouDone(user.id);

    expect(result).toMatchObject({ status: "success" });
    expect(await queuedPushes(user.id)).toBe(1);
  });

  it("is not requested for a user without calendar push", async () => {
    const user = await createTestUser();
    signInAs(await createTestSession(user.id));

    const { result } = await markThankYouDone(user.id);

    expect(result).toMatchObject({ status: "success" });
    expect(await queuedPushes(user.id)).toBe(0);
  });
});

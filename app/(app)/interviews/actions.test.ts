import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { getInterview, listDashboard } from "@/lib/interviews/queries";
import { listInterviewTimeline } from "@/lib/plan/queries";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewFormValues } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths } from "@/lib/test/request-context";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { createInterviewAction, deleteInterviewAction, updateInterviewAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

function toFormData(values: Record<string, unknown>, prefix = "", data = new FormData()): FormData {
  for (const [key, value] of Object.entries(values)) {
    // the form's own names: "company", "interviewers[1].email"
    const name = !prefix ? key : Array.isArray(values) ? `${prefix}[${key}]` : `${prefix}.${key}`;
    if (value !== null && typeof value === "object") toFormData(value as Record<string, unknown>, name, data);
    else if (value !== undefined) data.append(name, String(value));
  }
  return data;
}

// every user's, since a signed-out request has no user to scope by
async function countInterviewRows() {
  const db = getDb();
  const tables = { opportunities, interviews, interviewers, planSteps };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) counts[name] = (await db.select({ n: count() }).from(table))[0]!.n;
  return counts;
}

async function signedInUser() {
  const user = await createTestUser();
  signInAs(await createTestSession(user.id));
  return user;
}

describe("interview server actions", () => {
  it("creates the interview for the signed-in user and redirects to it", async () => {
    const user = await signedInUser();
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    expect(redirect).toMatch(/^\/interviews\/[0-9a-f-]{36}\?saved=1$/);
    const interviewId = redirect!.split("/")[2]!.split("?")[0]!;
    const detail = await getInterview({ userId: user.id, interviewId });
    expect(detail.interviewers.map((person) => person.name)).toEqual(["Jane Doe", "Omar Haddad"]);
    expect(takeRevalidatedPaths()).toEqual(["/dashboard"]);
  });

  it('docs/rules.md "Follow-up recipient": the form\'s choice reaches the plan, and an edit that picks someone else moves the follow-ups', async () => {
    const user = await signedInUser();
    const values = interviewFormValues({
      followUpInterviewer: "1",
      interviewers: [
        { name: "Jane Doe", email: "jane@acme.example", specificDetail: "Their on-call rota rewrite", topics: "On-call" },
        { name: "Omar Haddad", email: "omar@acme.example" },
      ],
    });
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(values)));
    const interviewId = redirect!.split("/")[2]!.split("?")[0]!;
    const followUpNames = async () =>
      (await listInterviewTimeline({ userId: user.id, interviewId })).filter((step) => step.kind === "follow_up").map((step) => step.interviewerName);
    expect(await followUpNames()).toEqual(["Omar Haddad", "Omar Haddad"]);
    const detail = await getInterview({ userId: user.id, interviewId });
    expect(detail.interviewers.map((person) => person.specificDetail)).toEqual(["Their on-call rota rewrite", null]);

    const edited = interviewFormValues({
      opportunityId: detail.opportunity.id,
      followUpInterviewer: "0",
      interviewers: detail.interviewers.map((person) => ({ id: person.id, name: person.name, email: person.email ?? "" })),
    });
    takeRevalidatedPaths();
    await captureNavigation(() => updateInterviewAction(interviewId, INITIAL_ACTION_STATE, toFormData(edited)));
    expect(await followUpNames()).toEqual(["Jane Doe", "Jane Doe"]);
    expect(takeRevalidatedPaths()).toEqual(["/dashboard", `/interviews/${interviewId}`]);
  });

  it("answers a follow-up recipient that is not one of the rows with a field error", async () => {
    const user = await signedInUser();
    const { result } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues({ followUpInterviewer: "7" }))));
    expect(result).toMatchObject({ status: "error", fieldErrors: { followUpInterviewer: [expect.stringMatching(/Choose one of the interviewers/)] }, values: { followUpInterviewer: "7" } });
    expect(await listDashboard({ userId: user.id })).toEqual([]);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("returns field errors and everything that was typed when an email is invalid", async () => {
    await signedInUser();
    const values = interviewFormValues({
      interviewers: [
        { name: "Jane Doe", email: "jane@acme.example" },
        { name: "Omar Haddad", email: "omar(at)acme" },
      ],
    });
    const { result } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(values)));
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: { "interviewers[1].email": [expect.stringMatching(/valid email/)] },
      values: { company: "Acme Analytics", topics: "Streaming pipelines and on-call", interviewers: [{ name: "Jane Doe" }, { name: "Omar Haddad", email: "omar(at)acme" }] },
    });
  });

  it("answers NUL bytes, encoded words and impossible dates with field errors, not a database failure", async () => {
    const user = await signedInUser();
    const values = interviewFormValues({
      company: "=?utf-8?Q?Acme=0D=0ABcc:victim@example.com?=",
      topics: "Pipelines\u0000",
      decisionKind: "date",
      decisionDate: "2025-02-30",
      startsAtLocal: "9999-12-31T23:00",
    });
    const { result } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(values)));
    expect(result).toMatchObject({
      status: "error",
      fieldErrors: {
        company: [expect.stringMatching(/=\?\.\.\.\?=/)],
        topics: [expect.stringMatching(/control character/)],
        decisionDate: [expect.stringMatching(/real date/)],
        startsAtLocal: [expect.stringMatching(/real date/)],
      },
    });
    expect(await listDashboard({ userId: user.id })).toEqual([]);
  });

  it("reads nothing of a signed-out visitor's form before the session is known", async () => {
    signInAs(null);
    let isBodyRead = false;
    class WatchedFormData extends FormData {
      override entries() {
        isBodyRead = true;
        return super.entries();
      }
    }
    const data = new WatchedFormData();
    data.append("__proto__.redirectTo", "https://evil.test/x");
    data.append("interviewers[400000000].name", "x");
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, data));
    expect(redirect).toBe("/signin");
    expect(isBodyRead).toBe(false);
    expect(Object.prototype).not.toHaveProperty("redirectTo");
  });

  it("refuses a signed-in user's form with a polluting field name and changes nothing", async () => {
    const user = await signedInUser();
    const data = toFormData(interviewFormValues());
    data.append("constructor.prototype.redirectTo", "https://evil.test/x");
    const { result, redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, data));
    expect(redirect).toBeUndefined();
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/could not be read/) });
    expect(Object.prototype).not.toHaveProperty("redirectTo");
    expect(await listDashboard({ userId: user.id })).toEqual([]);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("sends a signed-out request to sign in and stores nothing", async () => {
    const before = await countInterviewRows();
    signInAs(null);
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    expect(redirect).toBe("/signin");
    expect(await countInterviewRows()).toEqual(before);
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("answers 404 when a user edits or deletes another user's interview", async () => {
    const owner = await signedInUser();
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    const interviewId = redirect!.split("/")[2]!.split("?")[0]!;
    takeRevalidatedPaths();
    await signedInUser();
    const edit = await captureNavigation(() =>
      updateInterviewAction(interviewId, INITIAL_ACTION_STATE, toFormData(interviewFormValues({ company: "Stolen" }))),
    );
    expect(edit.notFound).toBe(true);
    expect((await captureNavigation(() => deleteInterviewAction(interviewId))).notFound).toBe(true);
    expect((await getInterview({ userId: owner.id, interviewId })).opportunity.company).toBe("Acme Analytics");
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("validates the bound id: a malformed one is a 404, not a crash", async () => {
    await signedInUser();
    const edit = await captureNavigation(() => updateInterviewAction("../../etc", INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    expect(edit.notFound).toBe(true);
  });

  it("deletes the user's own interview and goes back to the dashboard", async () => {
    const user = await signedInUser();
    const created = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    const interviewId = created.redirect!.split("/")[2]!.split("?")[0]!;
    takeRevalidatedPaths();
    expect((await captureNavigation(() => deleteInterviewAction(interviewId))).redirect).toBe("/dashboard?deleted=1");
    await expect(getInterview({ userId: user.id, interviewId })).rejects.toThrow(/not found/);
    expect(takeRevalidatedPaths()).toEqual(["/dashboard"]);
  });
});

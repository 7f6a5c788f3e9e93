import { describe, expect, it, vi } from "vitest";
import { getInterview } from "@/lib/interviews/queries";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewFormValues } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { createInterviewAction, deleteInterviewAction, updateInterviewAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

function toFormData(values: Record<string, unknown>, prefix = "", data = new FormData()): FormData {
  for (const [key, value] of Object.entries(values)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") toFormData(value as Record<string, unknown>, name, data);
    else if (value !== undefined) data.append(name, String(value));
  }
  return data;
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
    const interviewId = redirect?.match(/^\/interviews\/([0-9a-f-]{36})\?saved=1$/)?.[1];
    expect(interviewId).toBeDefined();
    const detail = await getInterview({ userId: user.id, interviewId: interviewId! });
    expect(detail.interviewers).toHaveLength(2);
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
      fieldErrors: { "interviewers.1.email": [expect.stringMatching(/valid email/)] },
      values: { company: "Acme Analytics", topics: "Streaming pipelines and on-call", interviewers: [{ name: "Jane Doe" }, { name: "Omar Haddad", email: "omar(at)acme" }] },
    });
  });

  it("sends a signed-out request to sign in and stores nothing", async () => {
    signInAs(null);
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    expect(redirect).toBe("/signin");
  });

  it("answers 404 when a user edits or deletes another user's interview", async () => {
    const owner = await signedInUser();
    const { redirect } = await captureNavigation(() => createInterviewAction(INITIAL_ACTION_STATE, toFormData(interviewFormValues())));
    const interviewId = redirect!.split("/")[2]!.split("?")[0]!;
    await signedInUser();
    const edit = await captureNavigation(() =>
      updateInterviewAction(interviewId, INITIAL_ACTION_STATE, toFormData(interviewFormValues({ company: "Stolen" }))),
    );
    expect(edit.notFound).toBe(true);
    expect((await captureNavigation(() => deleteInterviewAction(interviewId))).notFound).toBe(true);
    expect((await getInterview({ userId: owner.id, interviewId })).opportunity.company).toBe("Acme Analytics");
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
    expect((await captureNavigation(() => deleteInterviewAction(interviewId))).redirect).toBe("/dashboard?deleted=1");
    await expect(getInterview({ userId: user.id, interviewId })).rejects.toThrow(/not found/);
  });
});

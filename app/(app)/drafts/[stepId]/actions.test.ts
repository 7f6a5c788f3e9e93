import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { openDraft } from "@/lib/drafts/store";
import { createInterview } from "@/lib/interviews/mutations";
import { listInterviewTimeline } from "@/lib/plan/queries";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser, interviewInput } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs, takeRevalidatedPaths } from "@/lib/test/request-context";
import { approveDraftAction, previewDraftAction, regenerateDraftAction, saveDraftAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeEach(() => {
  takeRevalidatedPaths();
});

const DRAFT = { subject: "Thank you", body: "Dear Jane,\n\nThank you for your time." };

// The preview runs in the background while the user types: leaving the page
// would take the unsaved text with it.
describe("the draft preview stays on the page", () => {
  it("answers an ended session with a message instead of sending the editor to sign in", async () => {
    signInAs(null);

    const { redirect, result } = await captureNavigation(() => previewDraftAction({ stepId: randomUUID(), ...DRAFT }));

    expect(redirect).toBeUndefined();
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/session ended/i) });
  });

  it("answers a draft that no longer exists with a message, not the 404 page", async () => {
    signInAs(await createTestSession((await createTestUser()).id));

    const { notFound, result } = await captureNavigation(() => previewDraftAction({ stepId: randomUUID(), ...DRAFT }));

    expect(notFound).toBeUndefined();
    expect(result).toMatchObject({ status: "error", message: "This no longer exists. Reload the page." });
  });

  it("answers invalid text with the field's own message", async () => {
    signInAs(await createTestSession((await createTestUser()).id));

    const { result } = await captureNavigation(() => previewDraftAction({ stepId: "not-a-step", ...DRAFT }));

    expect(result).toMatchObject({ status: "error", message: "Unknown draft" });
  });
});

async function signedInWithDraft() {
  const now = new Date();
  const user = await createTestUser({ displayName: "Sam Lee", signature: "Sam Lee\nsam@example.test" });
  signInAs(await createTestSession(user.id));
  const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now });
  const step = (await listInterviewTimeline({ userId: user.id, interviewId })).find((row) => row.kind === "thank_you")!;
  const { draft } = await openDraft({ userId: user.id, stepId: step.id, now });
  const form = (values: { subject: string; body: string }) => {
    const data = new FormData();
    for (const [name, value] of Object.entries({ stepId: step.id, ...values })) data.append(name, value);
    return data;
  };
  return { stepId: step.id, draft, form };
}

describe("what each draft action refreshes", () => {
  it("saving while typing refreshes no page, so the editor is not re-rendered under the user", async () => {
    const { draft, form } = await signedInWithDraft();
    const { result } = await captureNavigation(() => saveDraftAction(INITIAL_ACTION_STATE, form({ subject: draft.subject, body: `${draft.body}\n\nP.S.` })));
    expect(result).toMatchObject({ status: "success", message: "Saved." });
    expect(takeRevalidatedPaths()).toEqual([]);
  });

  it("approving and writing again refresh the draft's page and the dashboard; a refused approval refreshes nothing", async () => {
    const { stepId, draft, form } = await signedInWithDraft();
    const refused = await captureNavigation(() => approveDraftAction(INITIAL_ACTION_STATE, form({ subject: " ", body: draft.body })));
    expect(refused.result).toMatchObject({ status: "error", fieldErrors: { subject: ["Write a subject"] } });
    expect(takeRevalidatedPaths()).toEqual([]);

    const approved = await captureNavigation(() => approveDraftAction(INITIAL_ACTION_STATE, form({ subject: draft.subject, body: draft.body })));
    expect(approved.result).toMatchObject({ status: "success" });
    expect(takeRevalidatedPaths()).toEqual([`/drafts/${stepId}`, "/dashboard"]);

    const regenerated = await captureNavigation(() => regenerateDraftAction(stepId));
    expect(regenerated.result).toMatchObject({ status: "success", message: "Written again from your notes." });
    expect(takeRevalidatedPaths()).toEqual([`/drafts/${stepId}`, "/dashboard"]);
  });
});

describe("a button's action", () => {
  it("sends a signed-out user to sign in", async () => {
    signInAs(null);

    const { redirect } = await captureNavigation(() => regenerateDraftAction(randomUUID()));

    expect(redirect).toBe("/signin");
  });
});

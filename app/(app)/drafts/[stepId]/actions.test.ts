import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/lib/test/database";
import { createTestSession, createTestUser } from "@/lib/test/factories";
import { captureNavigation, nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { previewDraftAction, regenerateDraftAction } from "./actions";

vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

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

describe("a button's action", () => {
  it("sends a signed-out user to sign in", async () => {
    signInAs(null);

    const { redirect } = await captureNavigation(() => regenerateDraftAction(randomUUID()));

    expect(redirect).toBe("/signin");
  });
});

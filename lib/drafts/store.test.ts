import { describe, expect, it } from "vitest";
import { createInterview } from "../interviews/mutations";
import { listInterviewTimeline } from "../plan/queries";
import { setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { approveDraft, openDraft, previewDraft, regenerateDraft, saveDraft } from "./store";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");

async function thankYouStep() {
  const user = await createTestUser({ displayName: "Sam Lee", signature: "Sam Lee\nsam@example.test · +1 415 555 0100" });
  const { interviewId } = await createInterview({
    userId: user.id,
    now: NOW,
    input: interviewInput({ wentWell: "The system design round", sharedInterests: "Cycling to work" }),
  });
  const steps = await listInterviewTimeline({ userId: user.id, interviewId });
  return { user, step: steps.find((step) => step.kind === "thank_you" && step.interviewerName === "Jane Doe")! };
}

describe("drafts store", () => {
  it("writes the draft from the notes the first time and keeps it after", async () => {
    const { user, step } = await thankYouStep();
    const first = await openDraft({ userId: user.id, stepId: step.id, now: NOW });
    expect(first.draft.body).toMatch(/^Dear Jane,/);
    expect(first.draft.body).toContain("Acme Analytics");
    expect(first.preview.html).toContain("Jane");
    expect(first.checks.find((check) => check.id === "greeting")?.severity).toBe("pass");
    const again = await openDraft({ userId: user.id, stepId: step.id, now: NOW });
    expect(again.draft.id).toBe(first.draft.id);
  });

  it("saves edits, takes back an approval when edited, and regenerates from the notes", async () => {
    const { user, step } = await thankYouStep();
    const { draft } = await openDraft({ userId: user.id, stepId: step.id, now: NOW });
    const approved = await approveDraft({ userId: user.id, stepId: step.id, subject: draft.subject, body: draft.body, now: NOW });
    expect(approved).toMatchObject({ status: "approved", approvedAt: NOW });
    const edited = await saveDraft({ userId: user.id, stepId: step.id, subject: "Thanks, Jane", body: `${draft.body}\n\nP.S. Go cycling!`, now: NOW });
    expect(edited).toMatchObject({ status: "draft", isEdited: true, subject: "Thanks, Jane", approvedAt: null });
    const regenerated = await regenerateDraft({ userId: user.id, stepId: step.id, now: NOW });
    expect(regenerated).toMatchObject({ body: draft.body, subject: draft.subject, isEdited: false });
  });

  it("checks the text in the editor, not the saved one", async () => {
    const { user, step } = await thankYouStep();
    await openDraft({ userId: user.id, stepId: step.id, now: NOW });
    const { checks, preview } = await previewDraft({ userId: user.id, stepId: step.id, subject: "Thanks", body: "Dear Jane,\n\nThank you, Jane Doee, and [Company].", now: NOW });
    expect(checks.find((check) => check.id === "names")?.severity).toBe("warn");
    expect(checks.find((check) => check.id === "placeholders")?.severity).toBe("warn");
    expect(preview.text).toContain("Jane Doee");
  });

  it("escapes markup from notes and edits in the preview", async () => {
    const { user, step } = await thankYouStep();
    await openDraft({ userId: user.id, stepId: step.id, now: NOW });
    const { preview } = await previewDraft({ userId: user.id, stepId: step.id, subject: "Hi", body: "Dear Jane,\n\n<script>alert(1)</script></p><p>", now: NOW });
    expect(preview.html).not.toContain("<script>");
    expect(preview.html).toContain("&lt;script&gt;");
  });

  it("answers not found for another user's step, on every operation", async () => {
    const { step } = await thankYouStep();
    const stranger = await createTestUser();
    const args = { userId: stranger.id, stepId: step.id, now: NOW };
    await expect(openDraft(args)).rejects.toThrow(/not found/i);
    await expect(previewDraft({ ...args, subject: "x", body: "y" })).rejects.toThrow(/not found/i);
    await expect(saveDraft({ ...args, subject: "x", body: "y" })).rejects.toThrow(/not found/i);
    await expect(approveDraft({ ...args, subject: "x", body: "y" })).rejects.toThrow(/not found/i);
    await expect(regenerateDraft(args)).rejects.toThrow(/not found/i);
  });

  it("has no draft for a step that is not a message (move on)", async () => {
    const { user, step } = await thankYouStep();
    const moveOn = (await listInterviewTimeline({ userId: user.id, interviewId: step.interviewId })).find((row) => row.kind === "move_on")!;
    await expect(openDraft({ userId: user.id, stepId: moveOn.id, now: NOW })).rejects.toThrow(/not found/i);
  });
});

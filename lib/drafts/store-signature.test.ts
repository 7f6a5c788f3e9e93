import { describe, expect, it } from "vitest";
import { createInterview } from "../interviews/mutations";
import { listInterviewTimeline } from "../plan/queries";
import { setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { openDraft } from "./store";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");

async function openThankYou(user: { id: string }) {
  const { interviewId } = await createInterview({ userId: user.id, now: NOW, input: interviewInput() });
  const steps = await listInterviewTimeline({ userId: user.id, interviewId });
  const step = steps.find((candidate) => candidate.kind === "thank_you" && candidate.interviewerName === "Jane Doe")!;
  return openDraft({ userId: user.id, stepId: step.id, now: NOW });
}

describe('docs/rules.md "Before your first draft": a draft written before the details are given', () => {
  it("is not signed with the email's local part and does not point to details that are not there", async () => {
    const user = await createTestUser({ displayName: null, name: null, signature: "" });
    const { draft } = await openThankYou(user);
    expect(draft.body).not.toContain(user.email!.split("@")[0]!);
    expect(draft.body).not.toMatch(/details below/);
  });

  it("is signed with the name and the signature once they are given", async () => {
    const user = await createTestUser({ displayName: "Sam Lee", signature: "Sam Lee\nsam@example.test" });
    const { draft } = await openThankYou(user);
    expect(draft.body.trimEnd()).toMatch(/\nSam Lee\nsam@example\.test$/);
  });
});

import { describe, expect, it } from "vitest";
import { createInterview } from "../interviews/mutations";
import { listInterviewTimeline } from "../plan/queries";
import { setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { getDraftInput, openDraft } from "./store";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");
const APP_STYLE_DATE = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;

async function stepsFor(overrides: Parameters<typeof interviewInput>[0]) {
  const user = await createTestUser({ displayName: "Sam Lee", signature: "Sam Lee\nsam@example.test" });
  const { interviewId } = await createInterview({ userId: user.id, now: NOW, input: interviewInput(overrides) });
  const steps = await listInterviewTimeline({ userId: user.id, interviewId });
  return { user, followUp: steps.find((step) => step.kind === "follow_up")!, thankYou: steps.find((step) => step.kind === "thank_you")! };
}

describe("docs/drafts.md \"Dates\": the decision timeline is quoted as they gave it", () => {
  it("quotes a number of days as a number of days, never as the date it works out to", async () => {
    const { user, followUp } = await stepsFor({ decisionKind: "days", decisionWithinDays: "10", decisionDate: "" });
    expect((await getDraftInput({ userId: user.id, stepId: followUp.id })).decisionText).toBe("within 10 days");
    const { draft } = await openDraft({ userId: user.id, stepId: followUp.id, now: NOW });
    expect(draft.body).toContain("within 10 days");
    expect(draft.body).not.toMatch(/27 Nov|November 27|\bby (?:Fri|Friday)\b/);
    expect(draft.body).not.toMatch(APP_STYLE_DATE);
  });

  it("writes a day they named in words, and the interview day as a person would", async () => {
    const { user, followUp, thankYou } = await stepsFor({ decisionKind: "date", decisionDate: "2026-11-28" });
    expect((await getDraftInput({ userId: user.id, stepId: followUp.id })).decisionText).toBe("by Saturday 28 November");
    const input = await getDraftInput({ userId: user.id, stepId: thankYou.id });
    expect(input.interviewDate).toMatch(/^(?:today|yesterday|on Tuesday)$/);
    const { draft } = await openDraft({ userId: user.id, stepId: thankYou.id, now: NOW });
    expect(draft.body).not.toMatch(APP_STYLE_DATE);
  });
});

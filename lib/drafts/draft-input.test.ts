import { describe, expect, it } from "vitest";
import { createInterview } from "../interviews/mutations";
import { listInterviewTimeline } from "../plan/queries";
import { setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { settingsInputSchema, updateUserSettings } from "../users/settings";
import { getDraftInput, openDraft } from "./store";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");
const JANES_REMARK = "Her team rewrote the pager rota after the Kinesis outage";

async function thankYous(overrides: Parameters<typeof interviewInput>[0] = {}) {
  const user = await createTestUser({ displayName: "Sam Lee", signature: "Sam Lee\nsam@example.test" });
  const { interviewId } = await createInterview({
    userId: user.id,
    now: NOW,
    input: interviewInput({
      interviewers: [
        { name: "Jane Doe", email: "jane@acme.example", specificDetail: JANES_REMARK, topics: "Incident response" },
        { name: "Omar Haddad", email: "omar@acme.example" },
      ],
      ...overrides,
    }),
  });
  const steps = await listInterviewTimeline({ userId: user.id, interviewId });
  const stepFor = (name: string) => steps.find((step) => step.kind === "thank_you" && step.interviewerName === name)!;
  return { user, jane: stepFor("Jane Doe"), omar: stepFor("Omar Haddad") };
}

describe('docs/rules.md "Per-interviewer notes": a draft credits each interviewer only with what they said', () => {
  it("hands the composition this interviewer's own remark and topic, and none to the others", async () => {
    const { user, jane, omar } = await thankYous();
    expect((await getDraftInput({ userId: user.id, stepId: jane.id })).interviewer).toMatchObject({ name: "Jane Doe", specificDetail: JANES_REMARK, topics: "Incident response" });
    expect((await getDraftInput({ userId: user.id, stepId: omar.id })).interviewer).toMatchObject({ name: "Omar Haddad", specificDetail: null, topics: null });
  });

  it("never puts one interviewer's remark into another's thank-you, with or without notes on the interview", async () => {
    for (const notes of [{ specificDetail: "", topics: "" }, { specificDetail: "Their migration from cron jobs to Dagster", topics: "Streaming pipelines" }]) {
      const { user, omar } = await thankYous(notes);
      const { draft } = await openDraft({ userId: user.id, stepId: omar.id, now: NOW });
      expect(draft.body).toMatch(/^Dear Omar/);
      expect(draft.body).not.toMatch(/pager|rota|Kinesis|Incident response/i);
    }
  });
});

describe('docs/rules.md "Network invitation": no connection request unless the user allows one', () => {
  it("is off by default and reaches the draft input once the user turns it on in Settings", async () => {
    const { user, jane } = await thankYous();
    expect((await getDraftInput({ userId: user.id, stepId: jane.id })).includeNetworkInvite).toBe(false);
    const input = settingsInputSchema.parse({ displayName: "Sam Lee", timeZone: "Europe/Berlin", sendHour: "9", signature: "Sam Lee", postalAddress: "", includeNetworkInvite: "on" });
    await updateUserSettings({ userId: user.id, input, now: NOW });
    expect((await getDraftInput({ userId: user.id, stepId: jane.id })).includeNetworkInvite).toBe(true);
  });
});

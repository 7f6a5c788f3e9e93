import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInterview } from "../interviews/mutations";
import { startWorker, type RunningWorker } from "../jobs/worker";
import { queueStepMessage } from "../mail/outbox";
import { configureTestSmtpAccount, readMessage, waitFor } from "@/lib/test/mail-fixtures";
import { listInterviewTimeline } from "../plan/queries";
import { setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp-server";
import { approveDraft, openDraft, saveDraft } from "./store";
import { toReplySubject } from "./thread";

setupTestDatabase();

const FAST_QUEUE = { expireInSeconds: 5, maintenanceIntervalSeconds: 1, retryLimit: 3, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };
const THANK_YOU_SUBJECT = "Thank you for Tuesday, Jane";

let smtp: TestSmtpServer;
let worker: RunningWorker;

beforeAll(async () => {
  smtp = await startTestSmtpServer({ credentials: { username: "ada", password: "right" } });
  worker = await startWorker({ settings: FAST_QUEUE });
});
afterAll(async () => {
  await worker?.stop();
  await smtp?.close();
});

// An interview that ended three hours ago, no decision date (so a follow-up may be approved now).
async function setup(followUpInterviewer = "0") {
  const user = await createTestUser({ displayName: "Ada Lovelace" });
  await configureTestSmtpAccount(user.id, smtp.port);
  const now = new Date();
  const startsAtLocal = DateTime.fromJSDate(now, { zone: "Europe/Berlin" }).minus({ hours: 3 }).toFormat("yyyy-MM-dd'T'HH:mm");
  const { interviewId } = await createInterview({
    userId: user.id,
    now,
    input: interviewInput({ startsAtLocal, decisionKind: "none", followUpInterviewer }),
  });
  const steps = await listInterviewTimeline({ userId: user.id, interviewId });
  const thankYou = steps.find((step) => step.kind === "thank_you" && step.interviewerName === "Jane Doe")!;
  const followUp = steps.find((step) => step.key === "follow_up:1")!;
  return { user, interviewId, thankYou, followUp };
}

// The thank-you to Jane, approved with the subject the user gave it, and queued.
async function queueThankYou(userId: string, stepId: string, when: Date | "now") {
  const now = new Date();
  const { draft } = await openDraft({ userId, stepId, now });
  await approveDraft({ userId, stepId, subject: THANK_YOU_SUBJECT, body: draft.body, now });
  return queueStepMessage({ userId, stepId, when: { at: when }, now });
}

describe('docs/rules.md "Threading": a follow-up answers what that person already received', () => {
  it("writes one Re: before the first message's subject, whatever prefixes it had", () => {
    expect(toReplySubject("Thank you, Jane")).toBe("Re: Thank you, Jane");
    expect(toReplySubject("Re: RE: Aw: Thank you, Jane")).toBe("Re: Thank you, Jane");
    expect(toReplySubject("Re[2]: Thank you")).toBe("Re: Thank you");
  });

  it("gives the follow-up to someone whose thank-you is scheduled the subject Re: <that thank-you's subject, as edited>", async () => {
    const { user, thankYou, followUp } = await setup();
    await queueThankYou(user.id, thankYou.id, new Date(Date.now() + 3_600_000));
    const { draft } = await openDraft({ userId: user.id, stepId: followUp.id, now: new Date() });
    expect(draft.subject).toBe(`Re: ${THANK_YOU_SUBJECT}`);
  });

  it("gives a fresh subject to a follow-up to someone who received nothing yet", async () => {
    const { user, thankYou, followUp } = await setup("1");
    await queueThankYou(user.id, thankYou.id, new Date(Date.now() + 3_600_000));
    const { draft } = await openDraft({ userId: user.id, stepId: followUp.id, now: new Date() });
    expect(followUp.interviewerName).toBe("Omar Haddad");
    expect(draft.subject).not.toMatch(/^Re:/);
  });

  it("moves an untouched follow-up written before the thank-you went into the thread, and leaves an edited subject alone", async () => {
    const { user, thankYou, followUp } = await setup();
    const early = await openDraft({ userId: user.id, stepId: followUp.id, now: new Date() });
    expect(early.draft.subject).not.toMatch(/^Re:/);
    await queueThankYou(user.id, thankYou.id, new Date(Date.now() + 3_600_000));
    const reopened = await openDraft({ userId: user.id, stepId: followUp.id, now: new Date() });
    expect(reopened.draft.subject).toBe(`Re: ${THANK_YOU_SUBJECT}`);
    await saveDraft({ userId: user.id, stepId: followUp.id, subject: "Checking in", body: reopened.draft.body, now: new Date() });
    expect((await openDraft({ userId: user.id, stepId: followUp.id, now: new Date() })).draft.subject).toBe("Checking in");
  });

  it("sends the follow-up as a reply a mail client shows in one conversation: Re: subject and In-Reply-To the thank-you", async () => {
    const { user, thankYou, followUp } = await setup();
    const thanks = await queueThankYou(user.id, thankYou.id, "now");
    const sentThanks = await waitFor(() => readMessage(thanks.id), (row) => row.status === "sent");
    const { draft } = await openDraft({ userId: user.id, stepId: followUp.id, now: new Date() });
    await approveDraft({ userId: user.id, stepId: followUp.id, subject: draft.subject, body: draft.body, now: new Date() });
    const queued = await queueStepMessage({ userId: user.id, stepId: followUp.id, when: { at: "now" }, now: new Date() });
    const sent = await waitFor(() => readMessage(queued.id), (row) => row.status === "sent");
    const mail = smtp.received.find((received) => received.messageId === sent.messageId);
    expect(mail?.subject).toBe(`Re: ${THANK_YOU_SUBJECT}`);
    expect(mail?.inReplyTo).toBe(sentThanks.messageId);
  });
});

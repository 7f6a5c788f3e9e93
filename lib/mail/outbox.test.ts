import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db/client";
import { devOutbox, planSteps, smtpSettings } from "../db/schema";
import { startWorker, type RunningWorker } from "../jobs/worker";
import { approveDraft, openDraft } from "../drafts/store";
import { skipStep } from "../plan/step-actions";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp-server";
import { cancelMessage, queueStepMessage, resolveUnknownMessage } from "./outbox";
import {
  approveStepDraft,
  createInterviewWithApprovedThankYou,
  findStep,
  readMessage,
  configureTestSmtpAccount,
  waitFor,
} from "@/lib/test/mail-fixtures";

setupTestDatabase();

const FAST_QUEUE = { expireInSeconds: 5, maintenanceIntervalSeconds: 1, retryLimit: 3, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };

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

async function newSender() {
  const user = await createTestUser({ displayName: "Ada Lovelace" });
  await configureTestSmtpAccount(user.id, smtp.port);
  return user;
}

const isSettled = (row: { status: string }) => !["scheduled", "sending"].includes(row.status);

function receivedWith(messageId: string) {
  return smtp.received.filter((mail) => mail.messageId === messageId);
}

describe("outbox", () => {
  it("sends now: the approved message arrives once, from the user's account, and the step is done", async () => {
    const user = await newSender();
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Send Now Corp" });
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
    const sent = await waitFor(() => readMessage(queued.id), isSettled);
    expect(sent.status).toBe("sent");
    expect(sent.attempts).toBe(1);
    const [mail] = receivedWith(sent.messageId);
    expect(receivedWith(sent.messageId)).toHaveLength(1);
    expect(mail!.from?.text).toBe('"Ada Lovelace" <ada@example.com>');
    expect(mail!.to && !Array.isArray(mail!.to) ? mail!.to.text : "").toBe('"Jane Doe" <jane@acme.example>');
    expect(mail!.subject).toBe(sent.subject);
    expect(mail!.text).toContain("Jane");
    // the row is recorded the moment the message leaves; its step is closed with the batch, right after
    const [step] = await waitFor(
      () => getDb().select().from(planSteps).where(eq(planSteps.id, stepId)),
      (rows) => rows[0]?.status !== "pending",
    );
    expect(step!.status).toBe("done");
    expect(step!.completedAt?.getTime()).toBe(sent.sentAt?.getTime());
  });

  it("releases a scheduled message at its time, not before", async () => {
    const user = await newSender();
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Scheduled Corp" });
    const sendAt = new Date(Date.now() + 2_000);
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: sendAt }, now: new Date() });
    expect((await readMessage(queued.id)).status).toBe("scheduled");
    const sent = await waitFor(() => readMessage(queued.id), isSettled);
    expect(sent.status).toBe("sent");
    expect(sent.sentAt!.getTime()).toBeGreaterThanOrEqual(sendAt.getTime());
    expect(receivedWith(sent.messageId)).toHaveLength(1);
  });

  it("retries a 421 with backoff and sends it; a 550 fails at once with the server's words", async () => {
    const user = await newSender();
    const first = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Busy Corp" });
    smtp.faults.push({ kind: "reply", at: "mail", code: 421, message: "4.7.0 Too busy, try later" });
    const retried = await queueStepMessage({ userId: user.id, stepId: first.stepId, when: { at: "now" }, now: new Date() });
    const done = await waitFor(() => readMessage(retried.id), isSettled);
    expect(done.status).toBe("sent");
    expect(done.attempts).toBe(2);
    expect(receivedWith(done.messageId)).toHaveLength(1);

    const second = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Strict Corp" });
    smtp.faults.push({ kind: "reply", at: "data", code: 550, message: "5.1.1 No such mailbox" });
    const refused = await queueStepMessage({ userId: user.id, stepId: second.stepId, when: { at: "now" }, now: new Date() });
    const failed = await waitFor(() => readMessage(refused.id), isSettled);
    expect(failed.status).toBe("failed");
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toContain("5.1.1 No such mailbox");
    expect(receivedWith(failed.messageId)).toHaveLength(0);
  });

  it("keeps a message whose login was refused as failed, and says so on the SMTP settings", async () => {
    const user = await createTestUser();
    await configureTestSmtpAccount(user.id, smtp.port, "wrong");
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Locked Corp" });
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
    const failed = await waitFor(() => readMessage(queued.id), isSettled);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("refused the login");
    const [setting] = await getDb().select().from(smtpSettings).where(eq(smtpSettings.userId, user.id));
    expect(setting!.lastError).toBe("The mail server refused the login.");
  });

  it("sends nothing through a saved server that stopped asking for a login (an open relay would take any From)", async () => {
    const relay = await startTestSmtpServer({ offersLogin: false });
    try {
      const user = await createTestUser();
      await configureTestSmtpAccount(user.id, relay.port);
      const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Open Relay Corp" });
      const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
      const failed = await waitFor(() => readMessage(queued.id), isSettled);
      expect(failed.status).toBe("failed");
      expect(failed.lastError).toContain("did not ask for a login");
      expect(relay.received).toEqual([]);
    } finally {
      await relay.close();
    }
  });

  it("threads the follow-up under the thank-you sent to the same interviewer", async () => {
    const user = await newSender();
    const { interviewId, stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Thread Corp" });
    const thanks = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
    const sentThanks = await waitFor(() => readMessage(thanks.id), isSettled);
    const followUp = await findStep(interviewId, "follow_up");
    await approveStepDraft(user.id, followUp.id);
    const queued = await queueStepMessage({ userId: user.id, stepId: followUp.id, when: { at: "now" }, now: new Date() });
    const sent = await waitFor(() => readMessage(queued.id), isSettled);
    expect(sent.status).toBe("sent");
    const [mail] = receivedWith(sent.messageId);
    expect(mail!.inReplyTo).toBe(sentThanks.messageId);
    expect(mail!.references).toContain(sentThanks.messageId);
  });

  it("does not send a message whose step was closed before its send time", async () => {
    const user = await newSender();
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Closed Corp" });
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: new Date(Date.now() + 1_500) }, now: new Date() });
    await skipStep({ userId: user.id, stepId, now: new Date() });
    const settled = await waitFor(() => readMessage(queued.id), isSettled);
    expect(settled.status).toBe("cancelled");
    expect(settled.lastError).toContain("step was closed");
    expect(receivedWith(settled.messageId)).toHaveLength(0);
  });

  it("cancels and reschedules before it goes, and refuses to cancel what has left", async () => {
    const user = await newSender();
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Cancel Corp" });
    const later = new Date(Date.now() + 60 * 60_000);
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: later }, now: new Date() });
    const rescheduled = await queueStepMessage({ userId: user.id, stepId, when: { at: new Date(later.getTime() + 60_000) }, now: new Date() });
    expect(rescheduled.id).toBe(queued.id);
    expect(rescheduled.messageId).toBe(queued.messageId);
    expect(rescheduled.sendAt.getTime()).toBe(later.getTime() + 60_000);
    await cancelMessage({ userId: user.id, messageId: queued.id, now: new Date() });
    expect((await readMessage(queued.id)).status).toBe("cancelled");
    await expect(cancelMessage({ userId: user.id, messageId: queued.id, now: new Date() })).rejects.toThrow(/no longer waiting/);
    const other = await createTestUser();
    await expect(cancelMessage({ userId: other.id, messageId: queued.id, now: new Date() })).rejects.toThrow(/not found/i);
  });

  it("lets the user settle an unknown message: it was sent, or send again with a new Message-ID", async () => {
    const user = await newSender();
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Unknown Corp" });
    smtp.faults.push({ kind: "drop-after-data" });
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
    const unknown = await waitFor(() => readMessage(queued.id), isSettled);
    expect(unknown.status).toBe("unknown");
    expect(unknown.lastError).toContain("may have been delivered");
    await expect(queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() })).rejects.toThrow(/Sent folder/);
    await resolveUnknownMessage({ userId: user.id, messageId: queued.id, resolution: "send_again", now: new Date() });
    const again = await waitFor(() => readMessage(queued.id), isSettled);
    expect(again.status).toBe("sent");
    expect(again.messageId).not.toBe(unknown.messageId);
    expect(receivedWith(again.messageId)).toHaveLength(1);
  });

  it("sends through the dev outbox when nothing is configured, parsed from the same bytes", async () => {
    const user = await createTestUser({ displayName: "Grace Hopper" });
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Dev Outbox Corp", email: "omar@devoutbox.example" });
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
    expect(queued.transport).toBe("dev");
    expect(queued.fromAddress).toBe(user.email);
    const sent = await waitFor(() => readMessage(queued.id), isSettled);
    expect(sent.status).toBe("sent");
    const stored = await getDb().select().from(devOutbox).where(eq(devOutbox.toAddress, "omar@devoutbox.example"));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.subject).toBe(sent.subject);
    expect(stored[0]!.text).toContain("Jane");
    expect(receivedWith(sent.messageId)).toHaveLength(0);
  });

  it("sends what the user typed as text: markup in the draft is escaped, never live HTML", async () => {
    const user = await newSender();
    const { stepId } = await createInterviewWithApprovedThankYou({ userId: user.id, company: "Markup Corp" });
    const view = await openDraft({ userId: user.id, stepId, now: new Date() });
    const body = `${view.draft.body}\n\n<script>alert("x")</script> <img src=x onerror=alert(1)>`;
    await approveDraft({ userId: user.id, stepId, subject: view.draft.subject, body, now: new Date() });
    const queued = await queueStepMessage({ userId: user.id, stepId, when: { at: "now" }, now: new Date() });
    const sent = await waitFor(() => readMessage(queued.id), isSettled);
    const [mail] = receivedWith(sent.messageId);
    const html = typeof mail!.html === "string" ? mail!.html : "";
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
    // the headers are exactly ours: no line of the body became a header
    expect([...mail!.headers.keys()].sort()).toEqual(["content-type", "date", "from", "message-id", "mime-version", "subject", "to"]);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { replies } from "../db/schema";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import type { IncomingMail } from "./match";
import { listInterviewReplies } from "./queries";
import { loadReplyCandidates, recordDetectedReply } from "./record";
import { createInterviewWithSentThankYou, THANK_YOU_SENT_AT } from "@/lib/test/replies-fixtures";

setupTestDatabase();

const NOW = new Date("2026-11-20T10:00:00Z");

function mail(overrides: Partial<IncomingMail> = {}): IncomingMail {
  return {
    externalId: "<answer@acme.example>",
    messageId: "<answer@acme.example>",
    inReplyTo: null,
    references: [],
    fromAddress: "jane@acme.example",
    subject: "Re: Thank you for your time",
    receivedAt: new Date("2026-11-19T09:30:00Z"),
    isAutoReply: false,
    ...overrides,
  };
}

describe("reply candidates and recording", () => {
  it("loads what the user sent and who is still awaited, and nothing of another user", async () => {
    const { user, interviewId, jane, omar, messageId } = await createInterviewWithSentThankYou();
    await createInterviewWithSentThankYou();
    const candidates = await loadReplyCandidates({ userId: user.id });
    expect(candidates.sent).toEqual([{ messageId, interviewId, interviewerId: jane.id, toAddress: "jane@acme.example", sentAt: THANK_YOU_SENT_AT }]);
    expect(candidates.awaiting.map((person) => person.interviewerId).sort()).toEqual([jane.id, omar.id].sort());
    expect(candidates.ownAddresses).toEqual([user.email]);
  });

  it("records a reply once and cancels the pending follow-ups in the same step (docs/rules.md, Outcomes)", async () => {
    const { user, interviewId, jane, followUps } = await createInterviewWithSentThankYou();
    const match = { interviewId, interviewerId: jane.id, matchedBy: "thread" as const };
    expect(await recordDetectedReply({ userId: user.id, match, mail: mail(), source: "imap", now: NOW })).toEqual({ isRecorded: true });
    expect(await recordDetectedReply({ userId: user.id, match, mail: mail(), source: "imap", now: NOW })).toEqual({ isRecorded: false });
    const rows = await getDb().select().from(replies).where(eq(replies.userId, user.id));
    expect(rows).toMatchObject([{ interviewId, interviewerId: jane.id, source: "imap", externalId: "<answer@acme.example>", fromAddress: "jane@acme.example", subject: "Re: Thank you for your time" }]);
    const steps = await followUps();
    expect(steps.filter((step) => step.kind === "follow_up" || step.kind === "move_on").map((step) => step.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect((await loadReplyCandidates({ userId: user.id })).awaiting).toEqual([]);
    expect(await listInterviewReplies({ userId: user.id, interviewId })).toEqual([
      { receivedAt: new Date("2026-11-19T09:30:00Z"), source: "imap", fromAddress: "jane@acme.example", subject: "Re: Thank you for your time", interviewerName: "Jane Doe" },
    ]);
  });

  it("records a reply whose subject decodes to NUL and other control characters, without them", async () => {
    const { user, interviewId, jane } = await createInterviewWithSentThankYou();
    const match = { interviewId, interviewerId: jane.id, matchedBy: "thread" as const };
    const hostile = mail({ externalId: "<nul\u0000@acme.example>", subject: "Re: Thanks\u0000\u0000\r\nBcc: x" });
    expect(await recordDetectedReply({ userId: user.id, match, mail: hostile, source: "imap", now: NOW })).toEqual({ isRecorded: true });
    const rows = await getDb().select().from(replies).where(eq(replies.userId, user.id));
    expect(rows).toMatchObject([{ externalId: "<nul @acme.example>", subject: "Re: Thanks Bcc: x" }]);
  });

  it("refuses to record a reply on another user's interview", async () => {
    const { interviewId, followUps } = await createInterviewWithSentThankYou();
    const intruder = await createTestUser();
    const match = { interviewId, interviewerId: null, matchedBy: "address" as const };
    expect(await recordDetectedReply({ userId: intruder.id, match, mail: mail(), source: "gmail", now: NOW })).toEqual({ isRecorded: false });
    expect((await followUps()).filter((step) => step.kind === "follow_up").map((step) => step.status)).toEqual(["pending", "pending"]);
    expect(await listInterviewReplies({ userId: intruder.id, interviewId })).toEqual([]);
  });
});

import { createServer, type Server } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encryptSecret } from "../crypto";
import { imapSettings, replies } from "../db/schema";
import { getDb, setupTestDatabase } from "../test/database";
import { startTestImapServer, type TestImapServer } from "../test/imap-server";
import { checkAllImapReplies, checkImapReplies } from "./imap";
import { IMAP_LOGIN_REFUSED_MESSAGE, ImapAccountError } from "./imap-connection";
import { imapSettingsInputSchema } from "./imap-schema";
import { getImapSettings, saveImapSettings } from "./imap-settings";
import { createInterviewWithSentThankYou } from "@/lib/test/replies-fixtures";

setupTestDatabase();

let server: TestImapServer;
let mailboxCount = 0;

beforeAll(async () => {
  server = await startTestImapServer();
});

afterAll(async () => {
  await server?.close();
});

const CHECK_NOW = new Date("2026-11-20T10:00:00Z");
const REPLY_AT = new Date("2026-11-19T09:30:00Z");

function rawMail(headers: Record<string, string>, body = "Thanks, we will be in touch soon."): string {
  const lines = Object.entries({ Date: REPLY_AT.toUTCString(), To: "sam@example.com", Subject: "Re: Thank you for your time", ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `${lines.join("\r\n")}\r\n\r\n${body}\r\n`;
}

// Each test reads its own mailbox, so one test's mail never meets another's candidates.
async function connectedCandidate() {
  const fixture = await createInterviewWithSentThankYou();
  const mailbox = `Test${(mailboxCount += 1)}`;
  await server.recreateMailbox(mailbox);
  const input = imapSettingsInputSchema.parse({ host: server.host, port: String(server.port), security: "none", username: server.username, password: server.password, mailbox });
  await saveImapSettings({ userId: fixture.user.id, input, now: CHECK_NOW });
  const deliver = (raw: string, internalDate = REPLY_AT) => server.deliver(raw, { mailbox, internalDate });
  const storedReplies = () => getDb().select().from(replies).where(eq(replies.userId, fixture.user.id));
  const settingsRow = async () => (await getDb().select().from(imapSettings).where(eq(imapSettings.userId, fixture.user.id)))[0]!;
  const pendingFollowUps = async () => (await fixture.followUps()).filter((step) => step.status === "pending" && step.kind === "follow_up");
  return { ...fixture, mailbox, deliver, storedReplies, settingsRow, pendingFollowUps };
}

describe("IMAP reply detection against a real Dovecot", () => {
  it("matches a reply by In-Reply-To and cancels the pending follow-ups", async () => {
    const { user, interviewId, jane, messageId, deliver, storedReplies, pendingFollowUps } = await connectedCandidate();
    expect(await pendingFollowUps()).not.toEqual([]);
    await deliver(rawMail({ From: "Jane Doe <assistant@acme.example>", "Message-ID": "<r1@acme.example>", "In-Reply-To": messageId, References: messageId }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 1, recorded: 1 });
    expect(await storedReplies()).toMatchObject([
      { interviewId, interviewerId: jane.id, source: "imap", externalId: "<r1@acme.example>", fromAddress: "assistant@acme.example", subject: "Re: Thank you for your time", receivedAt: REPLY_AT },
    ]);
    expect(await pendingFollowUps()).toEqual([]);
  });

  it("matches a reply by the sender's address when it is not in the thread", async () => {
    const { user, omar, deliver, storedReplies, pendingFollowUps } = await connectedCandidate();
    await deliver(rawMail({ From: "Omar Haddad <Omar@Acme.example>", "Message-ID": "<r2@acme.example>", Subject: "Next steps" }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toMatchObject({ recorded: 1 });
    expect((await storedReplies()).map((reply) => reply.interviewerId)).toEqual([omar.id]);
    expect(await pendingFollowUps()).toEqual([]);
  });

  it("does not count an unrelated message or an out-of-office auto-reply", async () => {
    const { user, messageId, deliver, storedReplies, pendingFollowUps } = await connectedCandidate();
    await deliver(rawMail({ From: "deals@shop.example", "Message-ID": "<ad@shop.example>", Subject: "50% off" }));
    await deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<ooo@acme.example>", "In-Reply-To": messageId, "Auto-Submitted": "auto-replied", Subject: "Out of office" }));
    await deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<vacation@acme.example>", Precedence: "bulk", Subject: "Away until Monday" }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 3, recorded: 0 });
    expect(await storedReplies()).toEqual([]);
    expect(await pendingFollowUps()).not.toEqual([]);
  });

  it("records a reply once when the mailbox is read twice, even from scratch", async () => {
    const { user, messageId, deliver, storedReplies } = await connectedCandidate();
    await deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<twice@acme.example>", "In-Reply-To": messageId }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toMatchObject({ recorded: 1 });
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 0, recorded: 0 });
    // a check that died before storing its progress reads the same mail again
    await getDb().update(imapSettings).set({ lastSeenUid: null }).where(eq(imapSettings.userId, user.id));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 1, recorded: 0 });
    expect(await storedReplies()).toHaveLength(1);
  });

  it("keeps UIDVALIDITY and the last UID, fetches only new mail, and starts over when UIDVALIDITY changes", async () => {
    const { user, messageId, mailbox, deliver, storedReplies, settingsRow } = await connectedCandidate();
    // older than both the first send and the 14-day window: never read
    await deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<old@acme.example>" }), new Date("2026-10-01T09:00:00Z"));
    const unrelatedUid = await deliver(rawMail({ From: "news@shop.example", "Message-ID": "<n1@shop.example>" }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 1, recorded: 0 });
    const first = await settingsRow();
    expect(first).toMatchObject({ lastSeenUid: unrelatedUid, lastCheckedAt: CHECK_NOW, lastError: null });
    expect(first.uidValidity).toMatch(/^\d+$/);

    const replyUid = await deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<new@acme.example>", "In-Reply-To": messageId }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 1, recorded: 1 });
    expect((await settingsRow()).lastSeenUid).toBe(replyUid);

    await server.recreateMailbox(mailbox);
    await deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<new@acme.example>", "In-Reply-To": messageId }));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toEqual({ status: "checked", fetched: 1, recorded: 0 });
    const after = await settingsRow();
    expect(after.uidValidity).not.toBe(first.uidValidity);
    expect(after.lastSeenUid).toBe(1);
    expect(await storedReplies()).toHaveLength(1);
  });

  it("reads a long backlog in batches, continuing after the last UID it read", async () => {
    const { user, deliver, settingsRow } = await connectedCandidate();
    const uids = [];
    for (const n of [1, 2, 3]) uids.push(await deliver(rawMail({ From: `news@shop.example`, "Message-ID": `<batch${n}@shop.example>` })));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW, maxMessages: 2 })).toMatchObject({ fetched: 2 });
    expect((await settingsRow()).lastSeenUid).toBe(uids[1]);
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW, maxMessages: 2 })).toMatchObject({ fetched: 1 });
    expect((await settingsRow()).lastSeenUid).toBe(uids[2]);
  });

  it("stores a refused login as lastError without throwing, and the next good check clears it", async () => {
    const { user, settingsRow } = await connectedCandidate();
    const good = (await settingsRow()).passwordEncrypted;
    await getDb().update(imapSettings).set({ passwordEncrypted: encryptSecret("wrong") }).where(eq(imapSettings.userId, user.id));
    const result = await checkImapReplies({ userId: user.id, now: CHECK_NOW });
    expect(result).toEqual({ status: "failed", error: IMAP_LOGIN_REFUSED_MESSAGE });
    expect(await getImapSettings({ userId: user.id })).toMatchObject({ lastError: expect.stringMatching(/refused the login/), lastErrorAt: CHECK_NOW, lastCheckedAt: null });
    await getDb().update(imapSettings).set({ passwordEncrypted: good }).where(eq(imapSettings.userId, user.id));
    expect(await checkImapReplies({ userId: user.id, now: CHECK_NOW })).toMatchObject({ status: "checked" });
    expect(await getImapSettings({ userId: user.id })).toMatchObject({ lastError: null, lastCheckedAt: CHECK_NOW });
  });

  it("checks every user one after another: a silent server times out, a bad one fails, the good one is read", async () => {
    const good = await connectedCandidate();
    await good.deliver(rawMail({ From: "jane@acme.example", "Message-ID": "<all@acme.example>", "In-Reply-To": good.messageId }));
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const silentPort = (silent.address() as { port: number }).port;
    const hung = await createInterviewWithSentThankYou();
    const refused = await createInterviewWithSentThankYou();
    await getDb().insert(imapSettings).values([
      { userId: hung.user.id, host: "127.0.0.1", port: silentPort, security: "none", username: "x", passwordEncrypted: encryptSecret("x") },
      { userId: refused.user.id, host: "127.0.0.1", port: server.port, security: "none", username: server.username, passwordEncrypted: encryptSecret("wrong") },
    ]);
    const startedAt = Date.now();
    const summary = await checkAllImapReplies({ now: CHECK_NOW, timeoutMs: 1_500 });
    silent.close();
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    expect(summary.failed).toBe(2);
    expect(await good.storedReplies()).toHaveLength(1);
    // the greeting timeout and the check's own timeout end together; either way the same fixed words
    expect(await getImapSettings({ userId: hung.user.id })).toMatchObject({ lastError: expect.stringMatching(/^(The mail server did not finish answering|Could not connect to a mail server)/) });
    expect(await getImapSettings({ userId: refused.user.id })).toMatchObject({ lastError: expect.stringMatching(/refused the login/) });
    // a spent budget starts no mailbox; they wait for the next run
    expect(await checkAllImapReplies({ now: CHECK_NOW, budgetMs: 0 })).toMatchObject({ checked: 0, failed: 0, deferred: summary.checked + summary.failed });
  });

  it("refuses to save settings the server rejects, in fixed words, and saves nothing", async () => {
    const { user } = await createInterviewWithSentThankYou();
    const input = imapSettingsInputSchema.parse({ host: server.host, port: String(server.port), security: "none", username: server.username, password: "wrong", mailbox: "INBOX" });
    const refusal = await saveImapSettings({ userId: user.id, input, now: CHECK_NOW }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImapAccountError);
    expect(refusal).toMatchObject({ field: "password", message: IMAP_LOGIN_REFUSED_MESSAGE });
    const missing = await saveImapSettings({ userId: user.id, input: { ...input, password: server.password, mailbox: "Nope" }, now: CHECK_NOW }).catch((error: unknown) => error);
    expect(missing).toMatchObject({ field: "mailbox", message: expect.stringMatching(/"Nope" could not be opened/) });
    expect(await getImapSettings({ userId: user.id })).toBeNull();
  });
});

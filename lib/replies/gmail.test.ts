import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, googleSettings, replies } from "../db/schema";
import type { FakeGmailMessage } from "@/lib/test/google-server";
import { saveGoogleSetting } from "../google/connection";
import { createUserWithGoogleAccount, setupFakeGoogle } from "@/lib/test/google-fixtures";
import { getDb, setupTestDatabase } from "../test/database";
import { checkGmailReplies, GMAIL_CHECK_OVERLAP_MINUTES, listGmailReaderIds } from "./gmail";
import { createInterviewWithSentThankYou, THANK_YOU_SENT_AT } from "@/lib/test/replies-fixtures";

setupTestDatabase();
const google = setupFakeGoogle();

const CHECK_NOW = new Date("2026-11-19T10:00:00Z");
const REPLIED_AT = new Date("2026-11-18T14:12:00Z");
const READ_SCOPE = "openid email profile https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.readonly";

async function connectedCandidate({ isOptedIn = true, scope = READ_SCOPE } = {}) {
  const accessToken = `read-access-${randomUUID()}`;
  const owner = await createUserWithGoogleAccount({
    accessToken,
    refreshToken: `read-refresh-${randomUUID()}`,
    expiresAt: CHECK_NOW.getTime() / 1000 + 3600,
    scope,
  });
  google.server.validTokens.add(accessToken);
  if (isOptedIn) await saveGoogleSetting({ userId: owner.id, values: { readRepliesWithGmail: true }, now: CHECK_NOW });
  const sent = await createInterviewWithSentThankYou(owner);
  const storedReplies = () => getDb().select().from(replies).where(eq(replies.userId, owner.id));
  const requests = () => google.server.apiRequests().filter((request) => request.authorization === `Bearer ${accessToken}`);
  return { ...sent, accessToken, storedReplies, requests };
}

function inboxMessage(accessToken: string, headers: Record<string, string>, at: Date = REPLIED_AT): FakeGmailMessage {
  const message = {
    accessToken,
    id: `m-${randomUUID()}`,
    threadId: `t-${randomUUID()}`,
    labelIds: ["INBOX", "UNREAD"],
    internalDate: at.getTime(),
    headers: Object.entries({ Date: at.toUTCString(), Subject: "Re: Thank you for your time", ...headers }).map(([name, value]) => ({ name, value })),
  };
  google.server.gmailMessages.push(message);
  return message;
}

async function readSetting(userId: string) {
  const [row] = await getDb().select().from(googleSettings).where(eq(googleSettings.userId, userId));
  return row!;
}

describe("checkGmailReplies", () => {
  it("records a reply to our thank-you, cancels the follow-ups, and leaves an unrelated message alone", async () => {
    const { user, accessToken, messageId, jane, followUps, storedReplies, requests } = await connectedCandidate();
    const reply = inboxMessage(accessToken, { From: "Jane Doe <Jane@Acme.example>", "Message-ID": "<reply-1@acme.example>", "In-Reply-To": messageId, References: messageId });
    const unrelated = inboxMessage(accessToken, { From: "Deals <news@shop.example>", "Message-ID": "<n1@shop.example>", Subject: "50% off" });

    const result = await checkGmailReplies({ userId: user.id, now: CHECK_NOW, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl });

    expect(result).toEqual({ matched: 1 });
    const stored = await storedReplies();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      source: "gmail",
      externalId: "<reply-1@acme.example>",
      interviewerId: jane.id,
      fromAddress: "Jane@Acme.example",
      receivedAt: REPLIED_AT,
    });
    expect((await followUps()).filter((step) => step.kind === "follow_up").map((step) => step.status)).toEqual(["cancelled", "cancelled"]);

    const list = requests().find((request) => request.path === "/gmail/v1/users/me/messages")!;
    // the first check looks back to the earliest send (or 14 days, whichever is earlier)
    expect(list.query.q).toMatch(/^in:inbox after:(\d+)$/);
    expect(Number(list.query.q!.split("after:")[1]) * 1000).toBeLessThanOrEqual(THANK_YOU_SENT_AT.getTime());
    const gets = requests().filter((request) => request.path.startsWith("/gmail/v1/users/me/messages/"));
    expect(gets.map((request) => request.path).sort()).toEqual([`/gmail/v1/users/me/messages/${reply.id}`, `/gmail/v1/users/me/messages/${unrelated.id}`].sort());
    expect(gets[0]!.query.format).toBe("metadata");
    expect(gets[0]!.query.metadataHeaders!.split(",")).toEqual(
      expect.arrayContaining(["Message-ID", "In-Reply-To", "References", "From", "Subject", "Date", "Auto-Submitted"]),
    );
    expect((await readSetting(user.id)).lastReplyCheckAt?.toISOString()).toBe(CHECK_NOW.toISOString());
  });

  it("ignores an out-of-office answer from the interviewer", async () => {
    const { user, accessToken, messageId, storedReplies } = await connectedCandidate();
    inboxMessage(accessToken, { From: "jane@acme.example", "Message-ID": "<ooo@acme.example>", "In-Reply-To": messageId, "Auto-Submitted": "auto-replied" });

    const result = await checkGmailReplies({ userId: user.id, now: CHECK_NOW, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl });

    expect(result).toEqual({ matched: 0 });
    expect(await storedReplies()).toHaveLength(0);
  });

  it("starts a later check shortly before the previous one", async () => {
    const { user, requests } = await connectedCandidate();
    await saveGoogleSetting({ userId: user.id, values: { lastReplyCheckAt: CHECK_NOW }, now: CHECK_NOW });
    const later = new Date(CHECK_NOW.getTime() + 5 * 60_000);

    expect(await checkGmailReplies({ userId: user.id, now: later, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl })).toEqual({ matched: 0 });

    const list = requests().find((request) => request.path === "/gmail/v1/users/me/messages")!;
    expect(list.query.q).toBe(`in:inbox after:${(CHECK_NOW.getTime() - GMAIL_CHECK_OVERLAP_MINUTES * 60_000) / 1000}`);
    expect((await readSetting(user.id)).lastReplyCheckAt?.toISOString()).toBe(later.toISOString());
  });

  it("reads nothing for a user who has not opted in or has not granted gmail.readonly", async () => {
    const notOptedIn = await connectedCandidate({ isOptedIn: false });
    const noScope = await connectedCandidate({ scope: "openid email profile https://www.googleapis.com/auth/gmail.send" });
    inboxMessage(notOptedIn.accessToken, { From: "jane@acme.example", "In-Reply-To": notOptedIn.messageId });

    for (const { user } of [notOptedIn, noScope]) {
      expect(await checkGmailReplies({ userId: user.id, now: CHECK_NOW, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl })).toEqual({ matched: 0 });
    }

    expect(notOptedIn.requests()).toHaveLength(0);
    expect(noScope.requests()).toHaveLength(0);
    expect(await notOptedIn.storedReplies()).toHaveLength(0);
  });

  it("marks the connection broken when Google answers invalid_grant", async () => {
    const { user, requests } = await connectedCandidate();
    await getDb().update(accounts).set({ expires_at: 0 }).where(eq(accounts.userId, user.id));
    google.server.setTokenReply(() => ({ status: 400, body: { error: "invalid_grant" } }));

    const result = await checkGmailReplies({ userId: user.id, now: CHECK_NOW, rootUrl: google.server.rootUrl, tokenUrl: google.server.tokenUrl });

    google.server.setTokenReply((_form, count) => ({ status: 200, body: { access_token: `refreshed-access-${count}`, expires_in: 3599 } }));
    expect(result).toEqual({ matched: 0 });
    expect(requests()).toHaveLength(0);
    expect((await readSetting(user.id)).brokenAt?.toISOString()).toBe(CHECK_NOW.toISOString());
  });

  it("lists the users to check, the longest unchecked first, without broken or opted-out ones", async () => {
    const checkedEarlier = await connectedCandidate();
    const neverChecked = await connectedCandidate();
    const optedOut = await connectedCandidate({ isOptedIn: false });
    const broken = await connectedCandidate();
    await saveGoogleSetting({ userId: checkedEarlier.user.id, values: { lastReplyCheckAt: new Date("2026-11-19T09:00:00Z") }, now: CHECK_NOW });
    await saveGoogleSetting({ userId: optedOut.user.id, values: { readRepliesWithGmail: false }, now: CHECK_NOW });
    await saveGoogleSetting({ userId: broken.user.id, values: { brokenAt: CHECK_NOW }, now: CHECK_NOW });

    const ids = await listGmailReaderIds();

    expect(ids.indexOf(neverChecked.user.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(neverChecked.user.id)).toBeLessThan(ids.indexOf(checkedEarlier.user.id));
    expect(ids).not.toContain(optedOut.user.id);
    expect(ids).not.toContain(broken.user.id);
  });
});

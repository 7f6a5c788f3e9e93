import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { FetchMessageObject, ImapFlow } from "imapflow";
import { db } from "@/lib/db/client";
import { imapSettings } from "@/lib/db/schema";
import { logError, logWarning } from "@/lib/log";
import { firstHeader, isAutoReplyHeaders, parseHeaderLines, readMessageIds, REPLY_HEADER_NAMES } from "./headers";
import { createImapClient, describeImapError, IMAP_TIMEOUT_MS, ImapAccountError, type ImapAccount } from "./imap-connection";
import { loadImapAccount } from "./imap-settings";
import { matchReply, type IncomingMail, type ReplyCandidates } from "./match";
import { loadReplyCandidates, recordDetectedReply } from "./record";

/** How far back the first check of a mailbox looks when nothing was sent earlier. */
export const FIRST_CHECK_LOOKBACK_DAYS = 14;
/** Headers read per check at most, so a large first visit makes progress within the timeout. */
export const MAX_MESSAGES_PER_CHECK = 500;
/** No new mailbox is started after this long, so a run (with one mailbox at IMAP_TIMEOUT_MS) ends well inside the queue's 120 s expiry. */
export const IMAP_CHECK_BUDGET_MS = 75_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type ImapCheckResult =
  | { status: "not_configured" }
  | { status: "checked"; fetched: number; recorded: number }
  | { status: "failed"; error: string };

type FetchedMailbox = { uidValidity: string; lastSeenUid: number; messages: FetchMessageObject[] };

function toDate(value: Date | string | undefined): Date | null {
  if (!value) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function toIncomingMail(message: FetchMessageObject, now: Date): IncomingMail {
  const headers = parseHeaderLines(message.headers?.toString("utf8") ?? "");
  const envelope = message.envelope ?? {};
  const fromAddress = envelope.from?.[0]?.address ?? "";
  const subject = envelope.subject ?? "";
  const messageId = readMessageIds(envelope.messageId ?? firstHeader(headers, "message-id"))[0] ?? null;
  // Without a Message-ID, a digest of what identifies the mail keeps it stable across checks.
  const fallbackId = `no-message-id:${createHash("sha256").update(`${fromAddress}\n${String(envelope.date ?? "")}\n${subject}`).digest("hex")}`;
  return {
    externalId: messageId ?? fallbackId,
    messageId,
    inReplyTo: envelope.inReplyTo ?? firstHeader(headers, "in-reply-to"),
    references: readMessageIds((headers.get("references") ?? []).join(" ")),
    fromAddress,
    subject,
    receivedAt: toDate(message.internalDate) ?? toDate(envelope.date) ?? now,
    isAutoReply: isAutoReplyHeaders(headers),
  };
}

// The first check (or one after UIDVALIDITY changed, which renumbers every
// message) searches by date; later checks fetch only UIDs above the last seen.
async function fetchNewMessages(
  client: ImapFlow,
  account: ImapAccount,
  stored: { uidValidity: string | null; lastSeenUid: number | null },
  limits: { since: Date; maxMessages: number },
): Promise<FetchedMailbox> {
  const mailbox = await client.mailboxOpen(account.mailbox, { readOnly: true }).catch((error: unknown) => {
    throw describeImapError(error, account, "mailbox");
  });
  const uidValidity = String(mailbox.uidValidity);
  const highestUid = mailbox.uidNext - 1;
  const isFresh = stored.uidValidity !== uidValidity || stored.lastSeenUid === null;
  const after = isFresh ? 0 : stored.lastSeenUid!;
  const found = isFresh
    ? await client.search({ since: limits.since }, { uid: true })
    : highestUid > after
      ? await client.search({ uid: `${after + 1}:*` }, { uid: true })
      : [];
  // "n:*" always includes the highest UID, even below n: keep only the new ones.
  const pending = (found || []).filter((uid) => uid > after).sort((a, b) => a - b);
  const batch = pending.slice(0, limits.maxMessages);
  const messages: FetchMessageObject[] = [];
  if (batch.length) {
    const query = { uid: true, envelope: true, internalDate: true, headers: [...REPLY_HEADER_NAMES] };
    for await (const message of client.fetch(batch, query, { uid: true })) messages.push(message);
  }
  messages.sort((a, b) => a.uid - b.uid);
  // A mailbox with more new mail than one check reads continues after the batch next time.
  const lastSeenUid = batch.length < pending.length ? batch[batch.length - 1]! : Math.max(after, highestUid, ...batch);
  return { uidValidity, lastSeenUid, messages };
}

function formatSeconds(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds === 1 ? "1 second" : `${seconds} seconds`;
}

function firstCheckSince(candidates: ReplyCandidates, now: Date): Date {
  const lookback = now.getTime() - FIRST_CHECK_LOOKBACK_DAYS * DAY_MS;
  return new Date(Math.min(lookback, ...candidates.sent.map((sent) => sent.sentAt.getTime())));
}

async function readMailbox(
  account: ImapAccount,
  stored: { uidValidity: string | null; lastSeenUid: number | null },
  limits: { since: Date; maxMessages: number; timeoutMs: number },
) {
  const { timeoutMs } = limits;
  const client = await createImapClient(account, timeoutMs);
  let hasTimedOut = false;
  const timer = setTimeout(() => {
    hasTimedOut = true;
    client.close();
  }, timeoutMs);
  try {
    await client.connect().catch((error: unknown) => {
      throw describeImapError(error, account, "connect");
    });
    const fetched = await fetchNewMessages(client, account, stored, limits);
    await client.logout();
    return fetched;
  } catch (error) {
    if (hasTimedOut) throw new ImapAccountError(`The mail server did not finish answering within ${formatSeconds(timeoutMs)}.`, "host");
    // the user sees fixed words (describeImapError); the log keeps what was actually thrown
    if (!(error instanceof ImapAccountError)) logWarning("replies.imap_error", error, { host: account.host });
    throw describeImapError(error, account, "connect");
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

/**
 * Reads the new mail of the user's IMAP mailbox, records the replies it
 * finds (which cancels their interviews' follow-ups) and remembers how far it
 * read. A failing mailbox is stored as lastError for Settings, not thrown.
 */
export async function checkImapReplies({
  userId,
  now,
  timeoutMs = IMAP_TIMEOUT_MS,
  maxMessages = MAX_MESSAGES_PER_CHECK,
}: {
  userId: string;
  now: Date;
  timeoutMs?: number;
  maxMessages?: number;
}): Promise<ImapCheckResult> {
  const loaded = await loadImapAccount({ userId });
  if (!loaded) return { status: "not_configured" };
  const { row, account } = loaded;
  if (!account) return recordFailure(userId, now, "The saved password can no longer be read. Enter it again in Settings.");
  const candidates = await loadReplyCandidates({ userId });
  let fetched: FetchedMailbox;
  try {
    fetched = await readMailbox(account, row, { since: firstCheckSince(candidates, now), maxMessages, timeoutMs });
  } catch (error) {
    const message = error instanceof ImapAccountError ? error.message : "Could not check the mailbox.";
    // the message may quote the server, which may quote the account: the error's name and code are enough here
    logWarning("replies.imap_check_failed", error, { userId, host: row.host });
    return recordFailure(userId, now, message);
  }

  let recorded = 0;
  const answered = new Set<string>();
  for (const message of fetched.messages) {
    const mail = toIncomingMail(message, now);
    const remaining = { ...candidates, awaiting: candidates.awaiting.filter((c) => !answered.has(c.interviewId)), sent: candidates.sent.filter((c) => !answered.has(c.interviewId)) };
    const match = matchReply(mail, remaining);
    if (!match) continue;
    const { isRecorded } = await recordDetectedReply({ userId, match, mail, source: "imap", now });
    answered.add(match.interviewId);
    if (isRecorded) recorded += 1;
  }
  // Only for the mailbox that was read: if the user switched meanwhile, the new one starts over.
  await db
    .update(imapSettings)
    .set({ uidValidity: fetched.uidValidity, lastSeenUid: fetched.lastSeenUid, lastCheckedAt: now, lastError: null, lastErrorAt: null })
    .where(
      and(
        eq(imapSettings.userId, userId),
        eq(imapSettings.host, row.host),
        eq(imapSettings.port, row.port),
        eq(imapSettings.username, row.username),
        eq(imapSettings.mailbox, row.mailbox),
      ),
    );
  return { status: "checked", fetched: fetched.messages.length, recorded };
}

async function recordFailure(userId: string, now: Date, message: string): Promise<ImapCheckResult> {
  await db.update(imapSettings).set({ lastError: message, lastErrorAt: now }).where(eq(imapSettings.userId, userId));
  return { status: "failed", error: message };
}

/**
 * The periodic job: every connected mailbox, one after another, the longest
 * unvisited first. No new mailbox is started once the budget is spent (the
 * job must end before the queue expires it); the rest go first next time.
 */
export async function checkAllImapReplies({
  now,
  timeoutMs = IMAP_TIMEOUT_MS,
  budgetMs = IMAP_CHECK_BUDGET_MS,
}: {
  now: Date;
  timeoutMs?: number;
  budgetMs?: number;
}): Promise<{ checked: number; failed: number; recorded: number; deferred: number }> {
  const rows = await db
    .select({ userId: imapSettings.userId })
    .from(imapSettings)
    .orderBy(sql`greatest(${imapSettings.lastCheckedAt}, ${imapSettings.lastErrorAt}) asc nulls first`, asc(imapSettings.userId));
  const summary = { checked: 0, failed: 0, recorded: 0, deferred: 0 };
  const startedAt = Date.now();
  for (const { userId } of rows) {
    if (Date.now() - startedAt >= budgetMs) {
      summary.deferred += 1;
      continue;
    }
    try {
      const result = await checkImapReplies({ userId, now, timeoutMs });
      if (result.status === "checked") {
        summary.checked += 1;
        summary.recorded += result.recorded;
      } else if (result.status === "failed") {
        summary.failed += 1;
      }
    } catch (error) {
      summary.failed += 1;
      logError("replies.imap_check_crashed", error, { userId });
    }
  }
  return summary;
}

import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { gmail_v1 } from "googleapis";
import { db } from "@/lib/db/client";
import { googleSettings } from "@/lib/db/schema";
import { createGoogleClient, GoogleReconnectRequiredError, type Sleep } from "@/lib/google/client";
import { loadGoogleConnection, markGoogleConnectionBroken, saveGoogleSetting } from "@/lib/google/connection";
import { isGoogleRateLimit, readGoogleErrorDetails, readGoogleErrorStatus } from "@/lib/google/errors";
import { GMAIL_READONLY_SCOPE } from "@/lib/google/scopes";
import { headerMapFromPairs, isAutoReplyHeaders, readMessageIds } from "./headers";
import { matchReply, type IncomingMail, type ReplyCandidates } from "./match";
import { loadReplyCandidates, recordDetectedReply } from "./record";

/** How far back the first check looks when nothing was sent earlier. */
export const GMAIL_FIRST_CHECK_LOOKBACK_DAYS = 14;
/** Later checks start this long before the previous one: Gmail's search index can lag behind delivery. */
export const GMAIL_CHECK_OVERLAP_MINUTES = 15;
/** Headers read per check at most (newest first); the rest wait for the next check's window. */
export const GMAIL_MAX_MESSAGES_PER_CHECK = 500;

const PAGE_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;
const GOOGLE_WORDS_MAX_CHARS = 300;
// Only what reply matching needs: never the body.
const METADATA_HEADERS = ["Message-ID", "In-Reply-To", "References", "From", "Subject", "Date", "Auto-Submitted", "Precedence", "X-Autoreply", "X-Autorespond", "Content-Type"];

export type GmailReplyContext = {
  userId: string;
  now: Date;
  rootUrl?: string;
  tokenUrl?: string;
  sleep?: Sleep;
};

// "Jane Doe <jane@acme.example>" or a bare address.
function readAddress(from: string | undefined): string {
  if (!from) return "";
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
}

/** A Gmail message (format "metadata") as the reply matcher reads it. */
export function toIncomingMail(message: gmail_v1.Schema$Message, now: Date): IncomingMail {
  const headers = headerMapFromPairs(message.payload?.headers ?? []);
  const first = (name: string) => headers.get(name)?.[0];
  const messageId = readMessageIds(first("message-id"))[0] ?? null;
  const received = Number(message.internalDate);
  return {
    // the Message-ID, like the IMAP reader, so one reply seen by both is recorded once
    externalId: messageId ?? `gmail:${message.id}`,
    messageId,
    inReplyTo: first("in-reply-to") ?? null,
    references: readMessageIds((headers.get("references") ?? []).join(" ")),
    fromAddress: readAddress(first("from")),
    subject: first("subject") ?? "",
    receivedAt: Number.isFinite(received) && received > 0 ? new Date(received) : now,
    isAutoReply: isAutoReplyHeaders(headers),
  };
}

function checkSince(lastCheckAt: Date | null, candidates: ReplyCandidates, now: Date): Date {
  if (lastCheckAt) return new Date(lastCheckAt.getTime() - GMAIL_CHECK_OVERLAP_MINUTES * MINUTE_MS);
  const lookback = now.getTime() - GMAIL_FIRST_CHECK_LOOKBACK_DAYS * DAY_MS;
  return new Date(Math.min(lookback, ...candidates.sent.map((sent) => sent.sentAt.getTime())));
}

async function listInboxIds(gmail: gmail_v1.Gmail, since: Date): Promise<string[]> {
  const ids: string[] = [];
  const q = `in:inbox after:${Math.floor(since.getTime() / 1000)}`;
  let pageToken: string | undefined;
  do {
    const { data } = await gmail.users.messages.list({ userId: "me", q, maxResults: PAGE_SIZE, pageToken });
    for (const message of data.messages ?? []) if (message.id) ids.push(message.id);
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken && ids.length < GMAIL_MAX_MESSAGES_PER_CHECK);
  return ids.slice(0, GMAIL_MAX_MESSAGES_PER_CHECK);
}

async function readMetadata(gmail: gmail_v1.Gmail, id: string): Promise<gmail_v1.Schema$Message> {
  const { data } = await gmail.users.messages.get({ userId: "me", id, format: "metadata", metadataHeaders: METADATA_HEADERS });
  return data;
}

async function recordReplies(userId: string, mails: IncomingMail[], candidates: ReplyCandidates, now: Date): Promise<number> {
  let recorded = 0;
  const answered = new Set<string>();
  // oldest first, so the first answer of a thread is the one recorded
  for (const mail of [...mails].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime())) {
    const remaining = {
      ...candidates,
      awaiting: candidates.awaiting.filter((candidate) => !answered.has(candidate.interviewId)),
      sent: candidates.sent.filter((candidate) => !answered.has(candidate.interviewId)),
    };
    const match = matchReply(mail, remaining);
    if (!match) continue;
    const { isRecorded } = await recordDetectedReply({ userId, match, mail, source: "gmail", now });
    answered.add(match.interviewId);
    if (isRecorded) recorded += 1;
  }
  return recorded;
}

/**
 * For users who opted in to reading replies with Gmail (gmail.readonly): reads
 * the headers of inbox messages that arrived since the last check, records
 * the replies (which cancels their interviews' follow-ups) and remembers when
 * it looked. invalid_grant marks the connection broken; a 401/403 is stored
 * for Settings; other failures are thrown for the queue to retry.
 */
export async function checkGmailReplies(context: GmailReplyContext): Promise<{ matched: number }> {
  const { userId, now } = context;
  const connection = await loadGoogleConnection({ userId });
  if (!connection?.setting.readRepliesWithGmail || connection.isBroken || !connection.scopes.has(GMAIL_READONLY_SCOPE)) {
    return { matched: 0 };
  }
  const candidates = await loadReplyCandidates({ userId });
  if (candidates.sent.length === 0 && candidates.awaiting.length === 0) {
    await saveGoogleSetting({ userId, values: { lastReplyCheckAt: now }, now });
    return { matched: 0 };
  }
  let mails: IncomingMail[];
  try {
    const { gmail } = await createGoogleClient(context);
    const ids = await listInboxIds(gmail, checkSince(connection.setting.lastReplyCheckAt, candidates, now));
    mails = [];
    for (const id of ids) mails.push(toIncomingMail(await readMetadata(gmail, id), now));
  } catch (error) {
    if (error instanceof GoogleReconnectRequiredError) {
      await markGoogleConnectionBroken({ userId, now, message: error.message });
      return { matched: 0 };
    }
    const status = readGoogleErrorStatus(error);
    if ((status === 401 || status === 403) && !isGoogleRateLimit(error)) {
      const said = readGoogleErrorDetails(error).message.slice(0, GOOGLE_WORDS_MAX_CHARS);
      await saveGoogleSetting({ userId, values: { lastError: `Gmail refused to let Afterview read replies${said ? `: ${said}` : ""}.` }, now });
      return { matched: 0 };
    }
    throw error;
  }
  const matched = await recordReplies(userId, mails, candidates, now);
  await saveGoogleSetting({ userId, values: { lastReplyCheckAt: now, lastError: null }, now });
  return { matched };
}

/** Users whose replies are read through Gmail, the longest unchecked first (for the periodic job). */
export async function listGmailReaderIds(): Promise<string[]> {
  const rows = await db
    .select({ userId: googleSettings.userId })
    .from(googleSettings)
    .where(and(eq(googleSettings.readRepliesWithGmail, true), isNull(googleSettings.brokenAt)))
    .orderBy(sql`${googleSettings.lastReplyCheckAt} asc nulls first`, asc(googleSettings.userId));
  return rows.map((row) => row.userId);
}

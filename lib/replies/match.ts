import { normalizeAddress, readMessageIds } from "./headers";

/** One message read from the user's mailbox, whatever the reader (IMAP, Gmail). */
export type IncomingMail = {
  /** Stable across checks and readers: the Message-ID when the mail has one. */
  externalId: string;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  subject: string;
  receivedAt: Date;
  isAutoReply: boolean;
};

/** A message the outbox sent (our own Message-ID) to an interviewer. */
export type SentCandidate = {
  messageId: string;
  interviewId: string;
  interviewerId: string | null;
  toAddress: string;
  sentAt: Date;
};

/** An interviewer of an interview that still has follow-ups to come. */
export type AwaitingCandidate = {
  interviewId: string;
  interviewerId: string;
  address: string;
  /** The interview's start: mail from before it (scheduling it, say) answers nothing. */
  since: Date;
};

export type ReplyCandidates = {
  sent: SentCandidate[];
  awaiting: AwaitingCandidate[];
  /** The user's own addresses: a copy of their own mail in the thread is not a reply. */
  ownAddresses: string[];
};

export type ReplyMatch = {
  interviewId: string;
  interviewerId: string | null;
  matchedBy: "thread" | "address";
};

function normalizeId(id: string): string {
  return id.trim().toLowerCase();
}

// In-Reply-To names the message answered; References lists the thread, the
// most recent last, so it is searched from the end.
function threadIds(mail: IncomingMail): string[] {
  const inReplyTo = readMessageIds(mail.inReplyTo);
  const direct = inReplyTo.length ? inReplyTo : mail.inReplyTo?.trim() ? [mail.inReplyTo.trim()] : [];
  return [...direct, ...[...mail.references].reverse()].map(normalizeId);
}

function latestBy<T>(items: T[], time: (item: T) => Date): T | undefined {
  return items.reduce<T | undefined>((best, item) => (!best || time(item) > time(best) ? item : best), undefined);
}

/**
 * docs/rules.md "Outcomes": any reply stops the pending follow-ups. A mail is a
 * reply when it answers a message we sent (In-Reply-To/References), or else
 * when it comes from an interviewer we wrote to (after our send) or who is
 * still awaiting follow-ups (after the interview). Auto-replies and the
 * user's own copies never count.
 */
export function matchReply(mail: IncomingMail, candidates: ReplyCandidates): ReplyMatch | null {
  if (mail.isAutoReply) return null;
  const from = normalizeAddress(mail.fromAddress);
  if (!from || candidates.ownAddresses.some((own) => normalizeAddress(own) === from)) return null;
  const sentById = new Map(candidates.sent.map((sent) => [normalizeId(sent.messageId), sent]));
  if (mail.messageId && sentById.has(normalizeId(mail.messageId))) return null;

  for (const id of threadIds(mail)) {
    const sent = sentById.get(id);
    if (!sent) continue;
    const sender = candidates.awaiting.find((person) => person.interviewId === sent.interviewId && normalizeAddress(person.address) === from);
    return { interviewId: sent.interviewId, interviewerId: sender?.interviewerId ?? sent.interviewerId, matchedBy: "thread" };
  }

  const received = mail.receivedAt.getTime();
  const sentTo = latestBy(
    candidates.sent.filter((sent) => normalizeAddress(sent.toAddress) === from && sent.sentAt.getTime() <= received),
    (sent) => sent.sentAt,
  );
  if (sentTo) return { interviewId: sentTo.interviewId, interviewerId: sentTo.interviewerId, matchedBy: "address" };
  const person = latestBy(
    candidates.awaiting.filter((candidate) => normalizeAddress(candidate.address) === from && candidate.since.getTime() <= received),
    (candidate) => candidate.since,
  );
  return person ? { interviewId: person.interviewId, interviewerId: person.interviewerId, matchedBy: "address" } : null;
}

// Pure helpers shared by the mailbox readers (IMAP, Gmail): they turn raw
// header lines into the few facts reply matching needs.

/** The headers each reader fetches besides the envelope. */
export const REPLY_HEADER_NAMES = [
  "message-id",
  "in-reply-to",
  "references",
  "auto-submitted",
  "precedence",
  "x-autoreply",
  "x-autorespond",
  "content-type",
] as const;

export type HeaderMap = Map<string, string[]>;

// RFC 5322 unfolding: a line starting with white space continues the previous one.
export function parseHeaderLines(raw: string): HeaderMap {
  const headers: HeaderMap = new Map();
  const unfolded = raw.replace(/\r?\n(?=[ \t])/g, "");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).replace(/\s+/g, " ").trim();
    headers.set(name, [...(headers.get(name) ?? []), value]);
  }
  return headers;
}

/** The same map from name/value pairs (the Gmail API's payload.headers). */
export function headerMapFromPairs(pairs: { name?: string | null; value?: string | null }[]): HeaderMap {
  const headers: HeaderMap = new Map();
  for (const { name, value } of pairs) {
    if (!name) continue;
    const key = name.trim().toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), (value ?? "").replace(/\s+/g, " ").trim()]);
  }
  return headers;
}

export function firstHeader(headers: HeaderMap, name: string): string | null {
  return headers.get(name)?.[0] ?? null;
}

/** The "<id@host>" tokens of a Message-ID, In-Reply-To or References value, in order. */
export function readMessageIds(value: string | null | undefined): string[] {
  return value?.match(/<[^<>\s]+>/g) ?? [];
}

const AUTO_PRECEDENCE = new Set(["auto_reply", "bulk", "junk"]);

// Out-of-office answers, vacation notices, bounces and read receipts are not
// the interviewer answering (docs/rules.md "Outcomes" counts replies only):
// RFC 3834 Auto-Submitted other than "no", the X-Autoreply family, Precedence
// auto_reply/bulk/junk, and multipart/report (delivery and read reports).
export function isAutoReplyHeaders(headers: HeaderMap): boolean {
  const autoSubmitted = firstHeader(headers, "auto-submitted");
  if (autoSubmitted && autoSubmitted.split(";")[0]!.trim().toLowerCase() !== "no") return true;
  for (const name of ["x-autoreply", "x-autorespond"]) {
    const value = firstHeader(headers, name);
    if (value !== null && value.trim().toLowerCase() !== "no") return true;
  }
  const precedence = firstHeader(headers, "precedence")?.trim().toLowerCase();
  if (precedence && AUTO_PRECEDENCE.has(precedence)) return true;
  return /^\s*multipart\/report\b/i.test(firstHeader(headers, "content-type") ?? "");
}

export function normalizeAddress(address: string | null | undefined): string {
  return (address ?? "").trim().toLowerCase();
}

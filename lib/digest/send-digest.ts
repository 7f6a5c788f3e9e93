import "server-only";
import { readEnv } from "@/lib/env";
import { logError, logger } from "@/lib/log";
import { sendSystemMail } from "@/lib/mail/system-mail";
import { renderDigest } from "./compose";
import { listDigestSteps, listWaitingOpportunities, loadDigestRecipient, releaseDigestSend, takeDigestSend, type DigestKind } from "./queries";
import { getDigestDay, isDigestWindowOpen } from "./schedule";
import { buildUnsubscribeUrl } from "./unsubscribe-token";

export type DigestJobData = { userId: string; localDate: string };

export type DigestOutcome = "sent" | "already-sent" | "not-wanted" | "nothing-to-send" | "outcome-unknown";

/** One job per user and local date: the key under which pg-boss keeps at most one waiting. */
export function digestJobKey({ userId, localDate }: DigestJobData): string {
  return `${userId}:${localDate}`;
}

type SmtpFailure = { responseCode?: unknown; code?: unknown; syscall?: unknown };

// Nothing reached the mail server: it answered with a refusal code, its name
// did not resolve, or the connection was never made. Anything else, a
// connection closed during or after the message above all, may have delivered
// the digest.
function isUndelivered(error: unknown): boolean {
  const failure = (error ?? {}) as SmtpFailure;
  return typeof failure.responseCode === "number" || failure.code === "EDNS" || failure.syscall === "connect";
}

/**
 * The digest job (docs/rules.md "Morning digest"). Checks again what the scan
 * saw (the user may have turned it off, the window may have closed while the
 * job waited), decides between "due" and the weekly "idle", renders, takes the
 * day's send and hands the mail over. A refusal by the mail server frees the
 * day again and throws, so pg-boss retries the job.
 */
export async function sendDigest({ userId, localDate, now }: DigestJobData & { now: Date }): Promise<DigestOutcome> {
  const recipient = await loadDigestRecipient({ userId, localDate });
  if (!recipient?.isEnabled || !recipient.email) return "not-wanted";
  const day = getDigestDay(now, recipient.timeZone);
  if (!day || day.localDate !== localDate || !recipient.weekdays.includes(day.weekday) || !isDigestWindowOpen(day, recipient.hour, now)) return "not-wanted";
  if (recipient.isSentToday) return "already-sent";

  const { steps, total } = await listDigestSteps({ userId, day, now });
  let kind: DigestKind = "due";
  let waiting: Awaited<ReturnType<typeof listWaitingOpportunities>> = { opportunities: [], total: 0 };
  if (total === 0) {
    const hadIdleThisWeek = recipient.lastIdleDate !== null && recipient.lastIdleDate >= day.idleSince;
    if (!recipient.wantsWeeklyIdle || hadIdleThisWeek) return "nothing-to-send";
    waiting = await listWaitingOpportunities({ userId });
    if (waiting.total === 0) return "nothing-to-send";
    kind = "idle";
  }

  const unsubscribeUrl = buildUnsubscribeUrl(userId);
  const mail = await renderDigest({
    kind,
    day,
    steps,
    stepTotal: total,
    waiting: waiting.opportunities,
    waitingTotal: waiting.total,
    appUrl: readEnv().APP_URL,
    unsubscribeUrl,
    now,
  });
  if (!(await takeDigestSend({ userId, localDate, kind, now }))) return "already-sent";
  try {
    await sendSystemMail({
      to: recipient.email,
      ...mail,
      // RFC 2369 and RFC 8058: mail clients show an unsubscribe button, and providers unsubscribe with one POST
      headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  } catch (error) {
    if (!isUndelivered(error)) {
      // counted as sent: a second digest is worse than none (at most once a day)
      logError("digest.send_outcome_unknown", error, { userId, localDate });
      return "outcome-unknown";
    }
    await releaseDigestSend({ userId, localDate, sentAt: now });
    throw error;
  }
  logger.info({ userId, localDate, kind, steps: total }, "digest.sent");
  return "sent";
}

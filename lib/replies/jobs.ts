import "server-only";
import { checkAllImapReplies } from "./imap";

/**
 * The periodic reply check (pg-boss, lib/jobs/worker.ts): every connected
 * IMAP mailbox, one user after another. A user's failing mailbox is stored on
 * their settings, never thrown, so one bad account does not fail the job.
 */
export async function handleReplyCheckJob({ now }: { now: Date }): Promise<void> {
  const imap = await checkAllImapReplies({ now });
  if (imap.recorded || imap.failed || imap.deferred) console.info("[replies] IMAP check", imap);
  // Gmail: checkGmailReplies({ userId, now }) from ./gmail.ts, for each user whose
  // google_setting.readRepliesWithGmail is on, runs here after the IMAP mailboxes.
}

import "server-only";
import { readEnv } from "@/lib/env";
import { logError, logger } from "@/lib/log";
import { checkGmailReplies, listGmailReaderIds } from "./gmail";
import { checkAllImapReplies } from "./imap";

/**
 * The periodic reply check (pg-boss, lib/jobs/worker.ts): every connected
 * IMAP mailbox, one user after another. A user's failing mailbox is stored on
 * their settings, never thrown, so one bad account does not fail the job.
 */
export async function handleReplyCheckJob({ now }: { now: Date }): Promise<void> {
  const imap = await checkAllImapReplies({ now });
  if (imap.recorded || imap.failed || imap.deferred) logger.info(imap, "replies.imap_check");
  const { GOOGLE_API_ROOT_URL: rootUrl, GOOGLE_OAUTH_TOKEN_URL: tokenUrl } = readEnv();
  for (const userId of await listGmailReaderIds()) {
    try {
      await checkGmailReplies({ userId, now, rootUrl, tokenUrl });
    } catch (error) {
      // one user's Google trouble must not stop the others' checks
      logError("replies.gmail_check_failed", error, { userId });
    }
  }
}

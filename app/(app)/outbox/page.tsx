import type { Metadata } from "next";
import Link from "next/link";
import { describeMessagesInFlight, MessageStatus } from "@/components/message-status";
import { RefreshWhileSending } from "@/components/refresh-while-sending";
import { requireUserId } from "@/lib/auth/session";
import { findWorkerSilence } from "@/lib/jobs/heartbeat";
import { getSendingAccount, listOutbox, OUTBOX_PAGE_SIZE } from "@/lib/mail/queries";
import { getUserSettings } from "@/lib/users/settings";
import { MESSAGE_COMMANDS } from "./commands";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const userId = await requireUserId();
  const [messages, settings, account] = await Promise.all([listOutbox({ userId }), getUserSettings({ userId }), getSendingAccount({ userId })]);
  const needsAttention = messages.filter((message) => message.status === "failed" || message.status === "unknown").length;
  const isWaiting = messages.some((message) => message.status === "scheduled" || message.status === "sending");
  const workerSilence = isWaiting ? await findWorkerSilence({ now: new Date(), queued: "several" }) : null;
  const inFlight = describeMessagesInFlight(messages, new Date());
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Outbox</h1>
      <RefreshWhileSending isInFlight={inFlight.isInFlight} nextSendAt={inFlight.nextSendAt} />
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Everything Afterview sends for you, newest first. Mail leaves through {account.label}
        {account.kind === "dev" ? "" : ` as ${account.fromAddress}`}; change it in <Link href="/settings" className="text-brand-700 dark:text-brand-300 underline">Settings</Link>.
        {needsAttention > 0 ? ` ${needsAttention} need${needsAttention === 1 ? "s" : ""} your attention.` : ""}
      </p>
      {workerSilence ? (
        <p role="status" className="mb-6 rounded-md border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 px-4 py-3 text-sm text-amber-900 dark:text-amber-200">
          {workerSilence}
        </p>
      ) : null}
      {messages.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
          Nothing sent yet. Open a draft from the <Link href="/dashboard" className="text-brand-700 dark:text-brand-300 underline">dashboard</Link>, approve it,
          and send it now or at its proposed time.
        </p>
      ) : (
        <ol className="space-y-4">
          {messages.map((message) => (
            <li key={message.id} className="space-y-2">
              <h2 className="text-base font-semibold">
                <Link href={`/drafts/${message.stepId}`} className="text-brand-700 dark:text-brand-300 underline">
                  {message.subject}
                </Link>{" "}
                <span className="font-normal text-slate-600 dark:text-slate-400">
                  · {message.role} at {message.company}
                </span>
              </h2>
              <MessageStatus message={message} zone={settings.timeZone} actions={MESSAGE_COMMANDS} />
            </li>
          ))}
        </ol>
      )}
      {messages.length === OUTBOX_PAGE_SIZE ? <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Showing the latest {OUTBOX_PAGE_SIZE} messages.</p> : null}
    </>
  );
}

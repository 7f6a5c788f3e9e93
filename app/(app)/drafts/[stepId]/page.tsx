import type { Metadata } from "next";
import Link from "next/link";
import { describeMessagesInFlight, MessageStatus } from "@/components/message-status";
import { RefreshWhileSending } from "@/components/refresh-while-sending";
import { requireUserId } from "@/lib/auth/session";
import { openDraft } from "@/lib/drafts/store";
import { askFirstRunDetails } from "@/lib/users/first-run-gate";
import { formatDateTime } from "@/lib/format";
import { findWorkerSilence } from "@/lib/jobs/heartbeat";
import { LOCKING_STATUSES } from "@/lib/db/outbox-status";
import { getSendingAccount, getStepMessage } from "@/lib/mail/queries";
import { orNotFound } from "@/lib/not-found";
import { getUserSettings } from "@/lib/users/settings";
import { toLocalInput } from "@/lib/validation";
import { DraftEditor } from "./draft-editor";
import { SendForm } from "./send-form";
import { MESSAGE_COMMANDS } from "../../outbox/commands";

export const metadata: Metadata = { title: "Draft" };

const KIND_TITLES = {
  thank_you: "Thank-you",
  letter: "Letter",
  follow_up: "Follow-up",
  gracious_reply: "Reply to their decision",
} as const;

export default async function DraftPage({ params }: { params: Promise<{ stepId: string }> }) {
  const { stepId } = await params;
  const userId = await requireUserId();
  const now = new Date();
  // before openDraft: the first time, it writes the draft with the name and signature
  await askFirstRunDetails({ userId, returnTo: `/drafts/${stepId}` });
  const view = await orNotFound(openDraft({ userId, stepId, now }));
  const [message, settings, account] = await Promise.all([
    getStepMessage({ userId, stepId }),
    getUserSettings({ userId }),
    view.kind === "letter" ? null : getSendingAccount({ userId }),
  ]);
  const isLocked = message !== null && (LOCKING_STATUSES as readonly string[]).includes(message.status);
  const isWaiting = message !== null && (message.status === "scheduled" || message.status === "sending");
  const workerSilence = isWaiting ? await findWorkerSilence({ now }) : null;
  const proposedAt = view.step.dueAt > now ? view.step.dueAt : now;
  const canSend = view.kind !== "letter" && view.draft.status === "approved" && !isLocked && view.step.status === "pending";
  return (
    <>
      <Link href={`/interviews/${view.interviewId}`} className="inline-flex min-h-11 items-center text-sm text-brand-700 dark:text-brand-300 underline">
        {view.role} at {view.company}
      </Link>
      <h1 className="mb-1 mt-2 text-2xl font-bold">
        {KIND_TITLES[view.kind]}
        {view.interviewerName ? ` to ${view.interviewerName}` : ""}
      </h1>
      {view.kind === "letter" ? (
        <Link href={`/drafts/${stepId}/letter`} className="mb-2 inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 dark:text-brand-300 underline">
          Print the letter
        </Link>
      ) : null}
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Written from your notes. Edit it as plain text: paragraphs are separated by a blank line, and the email template
        does the rest. Changes are saved as you type.
      </p>
      {message ? (
        <div className="mb-6">
          <MessageStatus message={message} zone={settings.timeZone} actions={MESSAGE_COMMANDS} />
          <RefreshWhileSending {...describeMessagesInFlight([message], now)} />
          {workerSilence ? (
            <p role="status" className="mt-2 rounded-md border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 px-4 py-3 text-sm text-amber-900 dark:text-amber-200">
              {workerSilence}
            </p>
          ) : null}
        </div>
      ) : null}
      {canSend && account ? (
        <div className="mb-6">
          <SendForm
            stepId={stepId}
            proposedLabel={formatDateTime(proposedAt, settings.timeZone)}
            proposedLocal={toLocalInput(proposedAt, settings.timeZone)}
            accountLabel={account.label}
            recipient={view.interviewerEmail ? `${view.interviewerName ?? ""} <${view.interviewerEmail}>`.trim() : null}
          />
        </div>
      ) : null}
      <DraftEditor
        // a new editor only when the draft is rewritten or approved, never while typing
        key={`${view.draft.status}:${view.draft.isEdited ? "edited" : view.draft.updatedAt.toISOString()}`}
        stepId={stepId}
        initial={{ subject: view.draft.subject, body: view.draft.body }}
        isEdited={view.draft.isEdited}
        isApproved={view.draft.status === "approved"}
        isLocked={isLocked}
        initialChecks={view.checks}
        initialPreview={view.preview}
      />
    </>
  );
}

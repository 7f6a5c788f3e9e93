import type { ActionState } from "@/lib/actions/state";
import { formatDateTime } from "@/lib/format";
import { toLocalInput } from "@/lib/validation";
import type { MessageSummary } from "@/lib/mail/queries";
import { ActionForm } from "./action-form";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

// The Outbox's actions, passed in by the pages (app/(app)/outbox/commands.ts): a shared component imports no route's actions.
export type MessageCommands = { send: FormAction; cancel: FormAction; retry: FormAction; resolveUnknown: FormAction };

const STATUS_STYLES: Record<MessageSummary["status"], string> = {
  scheduled: "bg-blue-50 dark:bg-blue-950 text-blue-800 dark:text-blue-200 border-blue-200 dark:border-blue-800",
  sending: "bg-blue-50 dark:bg-blue-950 text-blue-800 dark:text-blue-200 border-blue-200 dark:border-blue-800",
  sent: "bg-green-50 dark:bg-green-950 text-green-800 dark:text-green-200 border-green-200 dark:border-green-800",
  failed: "bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200 border-red-200 dark:border-red-800",
  unknown: "bg-amber-50 dark:bg-amber-950 text-amber-900 dark:text-amber-200 border-amber-300 dark:border-amber-700",
  cancelled: "bg-slate-50 dark:bg-slate-950 text-slate-700 dark:text-slate-300 border-slate-200 dark:border-slate-700",
};

export function statusLine(
  message: Pick<MessageSummary, "status" | "sendAt" | "sentAt" | "updatedAt" | "claimedAt">,
  zone: string,
  now: Date = new Date(),
): string {
  switch (message.status) {
    case "scheduled":
      return message.sendAt <= now ? "Queued to send now" : `Scheduled for ${formatDateTime(message.sendAt, zone)}`;
    case "sending":
      return "Sending now";
    case "sent":
      return `Sent ${formatDateTime(message.sentAt ?? message.updatedAt, zone)}`;
    case "failed":
      return `Not sent (failed ${formatDateTime(message.updatedAt, zone)})`;
    case "unknown":
      return `We can't tell whether this left (tried ${formatDateTime(message.claimedAt ?? message.updatedAt, zone)})`;
    case "cancelled":
      // cancelled by the user, or with its step (done, skipped, a reply, an outcome: lib/mail/closed-steps.ts)
      return `Won't be sent (cancelled ${formatDateTime(message.updatedAt, zone)})`;
  }
}

type MessageTiming = { status: string; sendAt: Date };

/**
 * What RefreshWhileSending needs to know of the messages a page shows. Here, not
 * beside it: a page cannot call a function of a "use client" module.
 */
export function describeMessagesInFlight(messages: MessageTiming[], now: Date): { isInFlight: boolean; nextSendAt: string | null } {
  const isInFlight = messages.some((message) => message.status === "sending" || (message.status === "scheduled" && message.sendAt <= now));
  const upcoming = messages
    .filter((message) => message.status === "scheduled" && message.sendAt > now)
    .reduce<Date | null>((earliest, message) => (!earliest || message.sendAt < earliest ? message.sendAt : earliest), null);
  return { isInFlight, nextSendAt: upcoming?.toISOString() ?? null };
}

// A message's state and what the user can do about it, wherever it is shown.
export function MessageStatus({ message, zone, actions }: { message: MessageSummary; zone: string; actions: MessageCommands }) {
  const fields = { messageId: message.id };
  const recipient = message.toName ? `${message.toName} <${message.toAddress}>` : message.toAddress;
  const status = statusLine(message, zone);
  // The Outbox lists several of these: each landmark needs its own name, and
  // two follow-ups to one person share a subject, so the status line is in it too.
  return (
    <section aria-label={`Sending “${message.subject}” to ${recipient}: ${status}`} className={`space-y-2 rounded-md border px-4 py-3 text-sm ${STATUS_STYLES[message.status]}`}>
      <p className="font-semibold">{status}</p>
      <p>
        To {recipient}, from {message.fromAddress}
        {message.attempts > 1 ? `, ${message.attempts} attempts` : ""}.
      </p>
      {message.lastError && message.status !== "sent" ? <p className="whitespace-pre-wrap">{message.lastError}</p> : null}
      {message.status === "unknown" ? (
        <p>
          Check your Sent folder for “{message.subject}”. If it is there, choose “It was sent”; if not, “Send again” sends it with a
          new message id.
        </p>
      ) : null}
      <div className="flex flex-wrap items-start gap-3">
        {message.status === "scheduled" ? (
          <>
            {message.sendAt > new Date() ? (
              <ActionForm action={actions.send} fields={{ stepId: message.stepId, when: "now" }} label="Send now instead" pendingLabel="Sending…" variant="primary" />
            ) : null}
            <ActionForm action={actions.send} fields={{ stepId: message.stepId, when: "at" }} label="Reschedule" pendingLabel="Rescheduling…">
              <label className="text-xs font-medium" htmlFor={`reschedule-${message.id}`}>
                New time (your time zone)
              </label>
              <input
                id={`reschedule-${message.id}`}
                type="datetime-local"
                name="sendAtLocal"
                required
                defaultValue={toLocalInput(message.sendAt, zone)}
                className="min-h-11 rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-2 py-1 text-base text-slate-900 dark:text-slate-100 sm:text-sm"
              />
            </ActionForm>
            <ActionForm action={actions.cancel} fields={fields} label="Cancel the send" pendingLabel="Cancelling…" />
          </>
        ) : null}
        {message.status === "failed" ? (
          <ActionForm action={actions.retry} fields={fields} label="Send again" pendingLabel="Sending…" variant="primary" />
        ) : null}
        {message.status === "unknown" ? (
          <>
            <ActionForm action={actions.resolveUnknown} fields={{ ...fields, resolution: "sent" }} label="It was sent" pendingLabel="Saving…" />
            <ActionForm
              action={actions.resolveUnknown}
              fields={{ ...fields, resolution: "send_again" }}
              label="Send again"
              pendingLabel="Sending…"
              variant="primary"
            />
          </>
        ) : null}
      </div>
    </section>
  );
}

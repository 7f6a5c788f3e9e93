import type { Metadata } from "next";
import Link from "next/link";
import { summarizeAccount } from "@/lib/account/delete-account";
import { requireUserId } from "@/lib/auth/session";
import { DELETE_CONFIRMATION_WORD } from "@/lib/data-transfer/forms";
import { DeleteAccountForm } from "./delete-account-form";

export const metadata: Metadata = { title: "Delete my account" };

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export default async function DeleteAccountPage() {
  const userId = await requireUserId();
  const summary = await summarizeAccount({ userId });
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Delete my account</h1>
      <p className="text-slate-700 dark:text-slate-300">
        This cannot be undone.{" "}
        <Link href="/settings/data" className="text-brand-700 dark:text-brand-300 underline">
          Download your data
        </Link>{" "}
        first if you may want it later.
      </p>
      <section aria-labelledby="what-goes-heading" className="mt-6 rounded-lg border border-red-200 dark:border-red-800 bg-white dark:bg-slate-900 p-6 shadow-sm">
        <h2 id="what-goes-heading" className="text-lg font-semibold">
          What goes
        </h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
          <li>
            Your data: {plural(summary.opportunities, "opportunity", "opportunities")}, {plural(summary.interviews, "interview")}, their
            plans, notes, drafts, replies and sent-message records, and your settings (mail servers included).
          </li>
          <li>
            {summary.queuedMessages > 0
              ? `${plural(summary.queuedMessages, "message")} waiting to be sent: cancelled first, so none leaves.`
              : "No messages are waiting to be sent."}
          </li>
          <li>Your {plural(summary.sessions, "session")}: you are signed out here and on every other device.</li>
          <li>{summary.hasCalendarFeed ? "Your calendar feed: its address stops working." : "You have no calendar feed."}</li>
          <li>
            {summary.googleCalendarId
              ? "The “Afterview follow-ups” calendar in your Google Calendar is deleted."
              : "No Google calendar is connected."}
          </li>
        </ul>
        <div className="mt-6">
          <DeleteAccountForm confirmationText={summary.email ?? `"${DELETE_CONFIRMATION_WORD}"`} />
        </div>
      </section>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted" };

// Shown once the account is gone, so it reads nothing but the query string.
export default async function AccountDeletedPage({ searchParams }: { searchParams: Promise<{ calendar?: string }> }) {
  const { calendar } = await searchParams;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-bold">Your account is deleted</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Everything you kept in Afterview is gone: opportunities, interviews, plans, drafts, messages, settings and
        sessions. Messages that were waiting to be sent were cancelled first, and your calendar feed address no longer works.
      </p>
      {calendar === "kept" ? (
        <p role="status" className="mt-4 rounded-md border border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-900 dark:text-amber-200">
          Google did not let us delete the &ldquo;Afterview follow-ups&rdquo; calendar. Delete it yourself in Google Calendar
          (Settings, then the calendar, then &ldquo;Remove calendar&rdquo;).
        </p>
      ) : null}
      <Link href="/" className="mt-6 inline-flex min-h-11 items-center text-brand-700 dark:text-brand-300 underline">
        Back to the start page
      </Link>
    </main>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { isDevOutboxEnabled } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };
export const dynamic = "force-dynamic";

export default function CheckEmailPage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-bold">Check your email</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        A sign-in link is on its way. It works once and expires in 24 hours.
      </p>
      {isDevOutboxEnabled() ? (
        <p className="mt-4 rounded-md border border-amber-200 dark:border-amber-800 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-900 dark:text-amber-200">
          No mail server is configured, so the email is in the{" "}
          <Link href="/dev/outbox" className="font-semibold underline">
            dev outbox
          </Link>
          .
        </p>
      ) : null}
    </main>
  );
}

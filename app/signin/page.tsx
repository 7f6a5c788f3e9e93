import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/session";
import { isGoogleConfigured } from "@/lib/env";
import { signInWithGoogleAction } from "./actions";
import { EmailSignInForm } from "./email-sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const ERROR_MESSAGES: Record<string, string> = {
  Verification: "That sign-in link has expired or was already used. Ask for a new one below.",
  Configuration: "Sign-in is not configured correctly on this server.",
  AccessDenied: "We could not send a link to that address: check it, or if you asked several times, wait an hour and try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await getSessionUserId()) redirect("/dashboard");
  const { error } = await searchParams;
  const errorMessage = error ? (ERROR_MESSAGES[error] ?? "Sign-in failed. Please try again.") : null;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-6 py-12">
      <h1 className="text-2xl font-bold">Sign in to Afterview</h1>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        We will email you a link. No password to remember.
      </p>
      {errorMessage ? (
        <p role="alert" className="mt-4 rounded-md border border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-200">
          {errorMessage}
        </p>
      ) : null}
      <div className="mt-6 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
        <EmailSignInForm />
        {isGoogleConfigured() ? (
          <form action={signInWithGoogleAction} className="mt-6 border-t border-slate-200 dark:border-slate-700 pt-6">
            <button
              type="submit"
              className="min-h-11 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-4 py-2 text-sm font-semibold hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              Continue with Google
            </button>
          </form>
        ) : null}
      </div>
    </main>
  );
}

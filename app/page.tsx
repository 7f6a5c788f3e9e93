import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUserId } from "@/lib/auth/session";

export default async function HomePage() {
  if (await getSessionUserId()) redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col justify-center px-6 py-12">
      <h1 className="text-4xl font-bold tracking-tight">Afterview</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        The part of a job search everyone gets wrong is what happens after the interview. Log an interview in under a
        minute, and Afterview plans the follow-up: a personal thank-you to each interviewer within 24 hours, a letter
        where the company is formal, and a polite follow-up once their timeline passes. Never a pushy one.
      </p>
      <div className="mt-8">
        <Link href="/signin" className="rounded-md bg-brand-600 px-5 py-3 font-semibold text-white hover:bg-brand-700">
          Sign in
        </Link>
      </div>
    </main>
  );
}

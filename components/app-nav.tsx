import Link from "next/link";
import { signOut } from "@/auth";

async function signOutAction(): Promise<void> {
  "use server";
  await signOut({ redirectTo: "/signin" });
}

export function AppNav({ email }: { email: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center gap-6 px-6 py-3">
        <Link href="/dashboard" className="text-lg font-bold text-brand-700">
          Afterview
        </Link>
        <Link href="/dashboard" className="text-sm font-medium text-slate-700 hover:text-slate-900">
          Dashboard
        </Link>
        <Link href="/interviews/new" className="text-sm font-medium text-slate-700 hover:text-slate-900">
          Log an interview
        </Link>
        <Link href="/outbox" className="text-sm font-medium text-slate-700 hover:text-slate-900">
          Outbox
        </Link>
        <Link href="/settings" className="text-sm font-medium text-slate-700 hover:text-slate-900">
          Settings
        </Link>
        <span className="ml-auto hidden text-sm text-slate-600 sm:inline">{email}</span>
        <form action={signOutAction}>
          <button type="submit" className="text-sm font-medium text-slate-700 underline hover:text-slate-900">
            Sign out
          </button>
        </form>
      </nav>
    </header>
  );
}

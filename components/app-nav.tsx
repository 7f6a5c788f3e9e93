import Link from "next/link";

const NAV_ITEMS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/opportunities", label: "Opportunities" },
  { href: "/interviews/new", label: "Log an interview" },
  { href: "/outbox", label: "Outbox" },
  { href: "/insights", label: "Insights" },
  { href: "/settings", label: "Settings" },
];

// Phone first: on a narrow screen the links wrap to a row of their own under
// the name and "Sign out", so nothing is hidden and no script is needed.
// The layout hands in the sign-out action (app/(app)/actions.ts): components/ does not import routes.
export function AppNav({ email, signOutAction }: { email: string; signOutAction: (formData: FormData) => void }) {
  return (
    <header className="border-b border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 px-4 py-1 sm:px-6">
        <Link href="/dashboard" className="inline-flex min-h-11 items-center text-lg font-bold text-brand-700 dark:text-brand-300">
          Afterview
        </Link>
        <ul className="order-last flex w-full flex-wrap items-center gap-x-2 sm:order-none sm:w-auto sm:gap-x-4">
          {NAV_ITEMS.map(({ href, label }) => (
            <li key={href}>
              <Link href={href} className="nav-link">
                {label}
              </Link>
            </li>
          ))}
        </ul>
        <span className="ml-auto hidden truncate text-sm text-slate-600 dark:text-slate-400 md:inline">{email}</span>
        <form action={signOutAction} className="ml-auto md:ml-0">
          <button type="submit" className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-slate-700 dark:text-slate-300 underline hover:text-slate-900 dark:hover:text-white">
            Sign out
          </button>
        </form>
      </nav>
    </header>
  );
}

import Link from "next/link";

export function NotFoundMessage() {
  return (
    <div className="mx-auto flex max-w-md flex-col py-12">
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">There is nothing here, or it is not yours to see.</p>
      <Link href="/dashboard" className="mt-6 inline-flex min-h-11 items-center text-brand-700 dark:text-brand-300 underline">
        Back to your dashboard
      </Link>
    </div>
  );
}

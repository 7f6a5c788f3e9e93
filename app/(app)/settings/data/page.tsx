import type { Metadata } from "next";
import Link from "next/link";
import { requireSessionUser } from "@/lib/auth/session";
import { ImportCsvForm } from "./import-csv-form";
import { ImportJsonForm } from "./import-json-form";

export const metadata: Metadata = { title: "Your data" };

const SECTION = "mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm";
const DOWNLOAD = "inline-flex min-h-11 items-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium text-slate-800 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800";

export default async function YourDataPage() {
  const user = await requireSessionUser();
  return (
    <>
      <h1 className="text-2xl font-bold">Your data</h1>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        <Link href="/settings" className="text-brand-700 dark:text-brand-300 underline">
          Settings
        </Link>{" "}
        / Your data
      </p>

      <section aria-labelledby="download-heading" className={SECTION}>
        <h2 id="download-heading" className="text-lg font-semibold">
          Download
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Everything you keep here, never a password or a token. The JSON file can be imported again, here or on another
          Afterview; the zip holds CSV files for a spreadsheet and your interviewers as contacts.
        </p>
        <div className="flex flex-wrap gap-3">
          <a href="/settings/data/export.json" download className={DOWNLOAD}>
            Download everything (JSON)
          </a>
          <a href="/settings/data/export.zip" download className={DOWNLOAD}>
            Download as CSV files (zip)
          </a>
          <a href="/settings/data/interviewers.vcf" download className={DOWNLOAD}>
            Interviewers as contacts (vCard)
          </a>
        </div>
      </section>

      <section aria-labelledby="import-json-heading" className={SECTION}>
        <h2 id="import-json-heading" className="text-lg font-semibold">
          Import an Afterview export
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Restores the opportunities, interviews and plans of a JSON export, with what was done, skipped or snoozed.
          Importing the same file again adds nothing.
        </p>
        <ImportJsonForm />
      </section>

      <section aria-labelledby="import-csv-heading" className={SECTION}>
        <h2 id="import-csv-heading" className="text-lg font-semibold">
          Import from another tracker
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Choose the CSV file, check how its columns were matched and what will be created, then import. Rows that cannot be
          imported are listed with the reason; the rest are imported. A row with an interview date and a contact gets its
          follow-ups planned.
        </p>
        <ImportCsvForm timeZone={user.timeZone} />
      </section>

      <section aria-labelledby="delete-heading" className={SECTION}>
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete my account
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Removes everything you keep here, cancels messages waiting to be sent, and signs you out everywhere.
        </p>
        <Link href="/settings/data/delete" className="inline-flex min-h-11 items-center rounded-md border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 dark:border-red-700 dark:text-red-200 dark:hover:bg-red-950">
          Delete my account…
        </Link>
      </section>
    </>
  );
}

"use client";

import { startTransition, useActionState, useState, type FormEvent } from "react";
import { FormMessage, SelectField } from "@/components/form-fields";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { CSV_FIELD_LABELS, CSV_FIELDS } from "@/lib/data-transfer/csv-fields";
import type { CsvPreview } from "@/lib/data-transfer/import-csv";
import { MAX_IMPORT_LABEL } from "@/lib/data-transfer/upload-text";
import { importCsvAction } from "./actions";
import { FileField } from "./file-field";

const BUTTON = "inline-flex min-h-11 items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:cursor-wait disabled:opacity-70";
const PRIMARY = `${BUTTON} bg-brand-600 text-white hover:bg-brand-700`;
const SECONDARY = `${BUTTON} border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 text-slate-800 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800`;
const DATE_ORDER_OPTIONS = [
  { value: "mdy", label: "Month first (11/17/2026)" },
  { value: "dmy", label: "Day first (17/11/2026 or 17.11.2026)" },
];
const STATUS_LABELS: Record<string, string> = { active: "active", offer: "offer", rejected: "rejected", withdrawn: "withdrawn", hired: "hired" };

function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

function readPreview(json: string | undefined): CsvPreview | null {
  return json ? (JSON.parse(json) as CsvPreview) : null;
}

// Upload, then a preview to check (columns matched to fields, sample rows, what
// will be created and what is refused and why), then the import. The form is
// submitted by hand rather than through its action prop, so React does not reset
// it: the chosen file stays for the second step.
export function ImportCsvForm({ timeZone }: { timeZone: string }) {
  const [state, action, isPending] = useActionState(importCsvAction, INITIAL_ACTION_STATE);
  const [isStale, setIsStale] = useState(false);
  const preview = isStale ? null : readPreview(state.result?.preview);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    setIsStale(false);
    startTransition(() => action(data));
  };

  return (
    <form onSubmit={submit} className="space-y-4" aria-busy={isPending}>
      <FileField
        id="import-csv-file"
        label="Applications (.csv)"
        accept=".csv,text/csv"
        hint={`A CSV export of another tracker or a spreadsheet, UTF-8, at most ${MAX_IMPORT_LABEL}: company, role, stage, dates, contact name and email.`}
        errors={state.fieldErrors?.file}
        onFileChange={() => setIsStale(true)}
      />
      <SelectField name="order" label="Dates in the file" options={DATE_ORDER_OPTIONS} defaultValue={preview?.order ?? "mdy"} key={`order-${state.result?.preview ?? ""}`} />
      <FormMessage status={state.status} message={isStale ? undefined : state.message} />
      {preview ? <PreviewSection preview={preview} timeZone={timeZone} /> : null}
      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="preview" disabled={isPending} className={preview ? SECONDARY : PRIMARY}>
          {isPending ? "Reading…" : preview ? "Preview again with these columns" : "Preview the import"}
        </button>
        {preview && preview.createCount > 0 ? (
          <button type="submit" name="intent" value="import" disabled={isPending} className={PRIMARY}>
            {isPending ? "Importing…" : `Import ${preview.createCount} ${preview.createCount === 1 ? "row" : "rows"}`}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function PreviewSection({ preview, timeZone }: { preview: CsvPreview; timeZone: string }) {
  const columnOptions = [{ value: "", label: "Not in this file" }, ...preview.columns.map((column, index) => ({ value: String(index), label: column || `Column ${index + 1}` }))];
  const key = JSON.stringify(preview.mapping);
  return (
    <div className="space-y-4" data-testid="csv-preview">
      <input type="hidden" name="hasMapping" value="yes" />
      <fieldset className="grid gap-3 sm:grid-cols-2" key={key}>
        <legend className="mb-2 text-sm font-semibold">Which column holds what</legend>
        {CSV_FIELDS.map((field) => (
          <SelectField key={field} id={`mapping-${field}`} name={`mapping.${field}`} label={CSV_FIELD_LABELS[field]} options={columnOptions} defaultValue={preview.mapping[field] === null ? "" : String(preview.mapping[field])} />
        ))}
      </fieldset>
      <div>
        <h3 className="text-sm font-semibold">First rows of the file</h3>
        <div className="mt-1 max-w-full overflow-x-auto rounded-md border border-slate-200 dark:border-slate-700" tabIndex={0} role="region" aria-label="First rows of the file">
          <table className="min-w-full text-left text-xs">
            <thead className="bg-slate-50 dark:bg-slate-800">
              <tr>
                {preview.columns.map((column, index) => (
                  <th key={index} scope="col" className="px-2 py-1 font-medium">
                    {column || `Column ${index + 1}`}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.samples.map((row, rowIndex) => (
                <tr key={rowIndex} className="border-t border-slate-200 dark:border-slate-700">
                  {preview.columns.map((_, index) => (
                    <td key={index} className="px-2 py-1">
                      {row[index] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <p className="text-sm" role="status">
        <strong>{preview.createCount}</strong> to create ({preview.interviewCount} with an interview, planned like one you log);{" "}
        <strong>{preview.alreadyImported}</strong> already imported; <strong>{preview.refusedCount}</strong> refused.
      </p>
      {preview.creates.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">Will be created</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {preview.creates.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.company}, {row.role} ({STATUS_LABELS[row.status] ?? row.status})
                {row.interviewAt ? `, interview ${formatWhen(row.interviewAt, timeZone)} with ${row.contactName}` : ", no interview"}
              </li>
            ))}
          </ul>
          {preview.createCount > preview.creates.length ? <p className="text-xs text-slate-600 dark:text-slate-400">and {preview.createCount - preview.creates.length} more.</p> : null}
        </div>
      ) : null}
      {preview.refused.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-red-800 dark:text-red-300">Refused, and why</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {preview.refused.map((row) => (
              <li key={row.line}>
                Line {row.line}: {row.reason}
              </li>
            ))}
          </ul>
          {preview.refusedCount > preview.refused.length ? <p className="text-xs text-slate-600 dark:text-slate-400">and {preview.refusedCount - preview.refused.length} more.</p> : null}
        </div>
      ) : null}
    </div>
  );
}

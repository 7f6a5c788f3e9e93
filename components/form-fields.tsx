import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: ReactNode;
  id?: string;
};

// 44 px tall for a thumb; 16 px text on phones, below which iOS zooms into a focused field
const INPUT_CLASS =
  "mt-1 block min-h-11 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-2 text-base shadow-sm sm:text-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600 aria-[invalid=true]:border-red-600";

function fieldId(name: string, id?: string): string {
  return id ?? `field-${name.replace(/\./g, "-")}`;
}

// Each field points aria-describedby at its live error region (docs/architecture.md "Forms").
function FieldShell({ name, label, errors, hint, id, children }: FieldProps & { children: (a11y: { id: string; describedBy: string; invalid: boolean }) => ReactNode }) {
  const inputId = fieldId(name, id);
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const invalid = Boolean(errors?.length);
  return (
    <div>
      <label htmlFor={inputId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children({ id: inputId, describedBy: [hint ? hintId : "", errorId].filter(Boolean).join(" "), invalid })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700 dark:text-red-300">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

export function TextField({ name, label, errors, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint} id={id}>
      {(a11y) => (
        <input
          id={a11y.id}
          name={name}
          aria-describedby={a11y.describedBy}
          aria-invalid={a11y.invalid}
          className={INPUT_CLASS}
          {...input}
        />
      )}
    </FieldShell>
  );
}

export function TextAreaField({ name, label, errors, hint, id, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint} id={id}>
      {(a11y) => (
        <textarea
          id={a11y.id}
          name={name}
          aria-describedby={a11y.describedBy}
          aria-invalid={a11y.invalid}
          rows={3}
          className={INPUT_CLASS}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  id,
  options,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint} id={id}>
      {(a11y) => (
        <select
          id={a11y.id}
          name={name}
          aria-describedby={a11y.describedBy}
          aria-invalid={a11y.invalid}
          className={INPUT_CLASS}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export function FormMessage({ status, message }: { status: string; message?: string }) {
  return (
    <div
      role={status === "error" ? "alert" : "status"}
      className={
        message
          ? status === "error"
            ? "rounded-md border border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-200"
            : "rounded-md border border-green-200 dark:border-green-800 bg-green-50 dark:bg-green-950 px-3 py-2 text-sm text-green-800 dark:text-green-200"
          : "sr-only"
      }
    >
      {message}
    </div>
  );
}

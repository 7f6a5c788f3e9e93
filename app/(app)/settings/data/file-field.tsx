"use client";

import { useState, type ChangeEvent } from "react";
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/data-transfer/upload-text";

// A file input that says at once when a file is over the cap, before the
// upload: past the server's body limit the post would fail without a word.
export function FileField({
  id,
  label,
  accept,
  hint,
  errors,
  onFileChange,
}: {
  id: string;
  label: string;
  accept: string;
  hint: string;
  errors?: string[];
  onFileChange?: () => void;
}) {
  const [tooLarge, setTooLarge] = useState(false);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    const isTooLarge = Boolean(file && file.size > MAX_IMPORT_BYTES);
    event.currentTarget.setCustomValidity(isTooLarge ? `The file is larger than ${MAX_IMPORT_LABEL}.` : "");
    setTooLarge(isTooLarge);
    onFileChange?.();
  };
  const shown = tooLarge ? [`The file is larger than ${MAX_IMPORT_LABEL}. Split it, or import in parts.`] : (errors ?? []);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      <input
        id={id}
        name="file"
        type="file"
        accept={accept}
        required
        onChange={onChange}
        aria-describedby={`${id}-hint ${id}-error`}
        aria-invalid={shown.length > 0}
        className="mt-1 block min-h-11 w-full max-w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:text-sm file:font-medium dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-200"
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {hint}
      </p>
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm text-red-700 dark:text-red-300">
        {shown.join(" ")}
      </p>
    </div>
  );
}

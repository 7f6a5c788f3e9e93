"use client";

import { useTransition } from "react";

export function DeleteInterviewButton({ deleteAction }: { deleteAction: () => Promise<unknown> }) {
  const [isPending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={isPending}
      onClick={() => {
        if (window.confirm("Delete this interview and its notes? This cannot be undone.")) {
          startTransition(async () => {
            await deleteAction();
          });
        }
      }}
      className="inline-flex min-h-11 items-center rounded-md border border-red-300 dark:border-red-700 bg-white dark:bg-slate-900 px-4 py-2 text-sm font-semibold text-red-700 dark:text-red-300 hover:bg-red-50 dark:hover:bg-red-950 disabled:opacity-60"
    >
      {isPending ? "Deleting…" : "Delete interview"}
    </button>
  );
}

"use client";

import { useActionState } from "react";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import type { PlanCommands } from "./plan-commands";

// Mounted when opened, so a list of steps holds one form state, not one per row.
export function SnoozeForm({ stepId, defaultSnoozeLocal, snoozeStep }: { stepId: string; defaultSnoozeLocal: string; snoozeStep: PlanCommands["snoozeStep"] }) {
  const [snoozeState, snoozeAction, isSaving] = useActionState(snoozeStep, INITIAL_ACTION_STATE);
  const untilError = snoozeState.fieldErrors?.until ?? (snoozeState.status === "error" && snoozeState.message ? [snoozeState.message] : undefined);
  const inputId = `snooze-${stepId}`;
  return (
    <form action={snoozeAction} className="flex flex-wrap items-end gap-2" aria-busy={isSaving}>
      <input type="hidden" name="stepId" value={stepId} />
      <div>
        <label htmlFor={inputId} className="block text-xs font-medium text-slate-700 dark:text-slate-300">
          Snooze until
        </label>
        <input
          id={inputId}
          name="until"
          type="datetime-local"
          required
          defaultValue={defaultSnoozeLocal}
          aria-describedby={`${inputId}-error`}
          aria-invalid={Boolean(untilError)}
          className="min-h-11 rounded-md border border-slate-300 dark:border-slate-600 px-2 py-1 text-base sm:text-sm"
        />
      </div>
      {/* btn-row (app/globals.css): a row button's look, 44 px tall for a thumb */}
      <button type="submit" className="btn-row" disabled={isSaving}>
        Save snooze
      </button>
      <p id={`${inputId}-error`} aria-live="polite" className="w-full text-xs text-red-700 dark:text-red-300">
        {untilError?.join(" ")}
      </p>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { FormMessage, SelectField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { saveDigestSettingsAction } from "./digest-actions";

type Values = { digestEnabled: string; digestHour: string; digestWeekdays: string[]; digestWeeklyIdle: string };

const HOURS = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, "0")}:00` }));
// ISO weekdays, 1 = Monday (what the server stores)
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((label, index) => ({ value: String(index + 1), label }));
const CHECKBOX_ROW = "flex min-h-11 items-center gap-2 text-sm";

export function DigestForm({ initialValues }: { initialValues: Values }) {
  const [state, formAction] = useActionState(saveDigestSettingsAction, INITIAL_ACTION_STATE);
  const typed = state.values as Partial<Record<keyof Values, string | string[]>> | undefined;
  // unchecked boxes are not in what came back: they read as unchecked, not as the saved value
  const values: Values = typed
    ? {
        digestEnabled: String(typed.digestEnabled ?? ""),
        digestHour: String(typed.digestHour ?? initialValues.digestHour),
        digestWeekdays: [typed.digestWeekdays ?? []].flat(),
        digestWeeklyIdle: String(typed.digestWeeklyIdle ?? ""),
      }
    : initialValues;
  const errors = state.fieldErrors ?? {};
  const weekdayErrors = errors.digestWeekdays;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <FormMessage status={state.status} message={state.message} />
      <div key={JSON.stringify(state)} className="grid gap-5">
        <label className={CHECKBOX_ROW}>
          <input type="checkbox" name="digestEnabled" defaultChecked={values.digestEnabled === "on"} className="h-5 w-5" />
          <span className="font-medium text-slate-800 dark:text-slate-200">Email me what is due, on days when something is</span>
        </label>
        <SelectField name="digestHour" label="Send it at" defaultValue={values.digestHour} options={HOURS} errors={errors.digestHour} />
        <fieldset aria-describedby="field-digestWeekdays-error">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">On these days</legend>
          <div className="mt-1 flex flex-wrap gap-x-4">
            {WEEKDAYS.map((day) => (
              <label key={day.value} className={CHECKBOX_ROW}>
                <input type="checkbox" name="digestWeekdays" value={day.value} defaultChecked={values.digestWeekdays.includes(day.value)} className="h-5 w-5" />
                {day.label}
              </label>
            ))}
          </div>
          <p id="field-digestWeekdays-error" aria-live="polite" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {weekdayErrors?.join(" ")}
          </p>
        </fieldset>
        <div>
          <label className={CHECKBOX_ROW}>
            <input type="checkbox" name="digestWeeklyIdle" defaultChecked={values.digestWeeklyIdle === "on"} aria-describedby="field-digestWeeklyIdle-hint" className="h-5 w-5" />
            <span className="font-medium text-slate-800 dark:text-slate-200">Also once a week when nothing is due</span>
          </label>
          <p id="field-digestWeeklyIdle-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            A short &ldquo;nothing due, 3 waiting for replies&rdquo; at most once a week, so you know the digest still works.
          </p>
        </div>
      </div>
      <SubmitButton pendingLabel="Saving…">Save the digest settings</SubmitButton>
    </form>
  );
}

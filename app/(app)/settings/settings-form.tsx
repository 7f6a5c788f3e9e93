"use client";

import { useActionState } from "react";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { saveSettingsAction } from "./actions";

type Values = { displayName: string; timeZone: string; sendHour: string; signature: string; postalAddress: string; includeNetworkInvite: string };

const SEND_HOURS = Array.from({ length: 15 }, (_, index) => index + 7);

export function SettingsForm({ initialValues, timeZones }: { initialValues: Values; timeZones: string[] }) {
  const [state, formAction] = useActionState(saveSettingsAction, INITIAL_ACTION_STATE);
  const typed = state.values as Partial<Values> | undefined;
  // an unchecked box is not in what came back, so it reads as unchecked, not as the saved value
  const values = typed ? { ...initialValues, ...typed, includeNetworkInvite: typed.includeNetworkInvite ?? "" } : initialValues;
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <FormMessage status={state.status} message={state.message} />
      <div key={JSON.stringify(state)} className="grid gap-5">
        <TextField name="displayName" label="Your name, as it appears in your messages" autoComplete="name" defaultValue={values.displayName} errors={errors.displayName} />
        <SelectField
          name="timeZone"
          label="Time zone"
          defaultValue={values.timeZone}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
          errors={errors.timeZone}
          hint="Follow-ups are planned for mornings and evenings in this zone."
        />
        <SelectField
          name="sendHour"
          label="Preferred send hour"
          defaultValue={values.sendHour}
          options={SEND_HOURS.map((hour) => ({ value: String(hour), label: `${String(hour).padStart(2, "0")}:00` }))}
          errors={errors.sendHour}
          hint="Thank-you notes and follow-ups are proposed at this hour on weekdays."
        />
        <TextAreaField
          name="signature"
          label="Signature and contact lines"
          rows={4}
          defaultValue={values.signature}
          errors={errors.signature}
          hint="Your name, phone and email, so the interviewer can reach you."
        />
        <TextAreaField
          name="postalAddress"
          label="Your postal address (for mailed letters)"
          rows={3}
          autoComplete="street-address"
          defaultValue={values.postalAddress}
          errors={errors.postalAddress}
          hint="Printed at the top of a thank-you letter to a formal company."
        />
        <div>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="includeNetworkInvite"
              defaultChecked={values.includeNetworkInvite === "on"}
              aria-describedby="field-includeNetworkInvite-hint"
            />
            <span className="font-medium text-slate-800 dark:text-slate-200">Invite interviewers to connect on a professional network in thank-you emails</span>
          </label>
          <p id="field-includeNetworkInvite-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Off by default: a connection request before you are hired can read as presumptuous. When on, a thank-you ends with one
            line inviting them to connect; you can still delete it from any draft.
          </p>
        </div>
      </div>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}

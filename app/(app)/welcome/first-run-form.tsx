"use client";

import { useActionState, useState } from "react";
import { FormMessage, TextAreaField, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { saveFirstRunDetailsAction } from "./actions";

type Props = {
  initialName: string;
  initialSignature: string;
  /** The lines offered under the name (the sign-in email), or null to offer the signature as saved. */
  contactLines: string | null;
  returnTo: string;
};

export function FirstRunForm({ initialName, initialSignature, contactLines, returnTo }: Props) {
  const [state, formAction] = useActionState(saveFirstRunDetailsAction, INITIAL_ACTION_STATE);
  const [name, setName] = useState(initialName);
  // Until the user edits the signature, its first line follows the name they
  // type. Both fields are controlled, so what was typed stays after an error.
  const [editedSignature, setEditedSignature] = useState<string | null>(contactLines === null ? initialSignature : null);
  const signature = editedSignature ?? [name.trim(), contactLines ?? ""].filter(Boolean).join("\n");
  const errors = state.fieldErrors ?? {};
  return (
    <form action={formAction} noValidate className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField
        name="displayName"
        label="Your name, as it appears in your messages"
        autoComplete="name"
        required
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        errors={errors.displayName}
      />
      <TextAreaField
        name="signature"
        label="Signature and contact lines"
        rows={4}
        value={signature}
        onChange={(event) => setEditedSignature(event.currentTarget.value)}
        errors={errors.signature}
        hint="Under your sign-off in every draft. An email address or a phone number, so the interviewer can reach you."
      />
      <div>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="digestEnabled" defaultChecked={state.values?.digestEnabled === "on"} aria-describedby="field-digestEnabled-hint" className="h-5 w-5" />
          <span className="font-medium text-slate-800 dark:text-slate-200">Email me what is due, at 08:00 on weekdays when something is</span>
        </label>
        <p id="field-digestEnabled-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          The morning digest: each step with why it is due and a link to open it. Change the hour and days, or turn it off, in Settings.
        </p>
      </div>
      <SubmitButton pendingLabel="Saving…">Save and continue</SubmitButton>
    </form>
  );
}

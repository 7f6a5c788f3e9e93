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
      {/* Morning digest opt-in: a checkbox here (and a field in firstRunInputSchema, lib/users/first-run.ts) is saved with the details above. */}
      <SubmitButton pendingLabel="Saving…">Save and continue</SubmitButton>
    </form>
  );
}

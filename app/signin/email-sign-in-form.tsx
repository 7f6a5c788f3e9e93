"use client";

import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { signInWithEmailAction } from "./actions";

export function EmailSignInForm() {
  const [state, formAction] = useActionState(signInWithEmailAction, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage status={state.status} message={state.message} />
      <TextField
        name="email"
        label="Email address"
        type="email"
        autoComplete="email"
        required
        autoFocus
        defaultValue={String(state.values?.email ?? "")}
        errors={state.fieldErrors?.email}
      />
      <SubmitButton pendingLabel="Sending link…">Email me a sign-in link</SubmitButton>
    </form>
  );
}

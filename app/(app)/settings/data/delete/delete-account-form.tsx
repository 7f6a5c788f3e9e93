"use client";

import { useActionState } from "react";
import { FormMessage, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { deleteAccountAction } from "../actions";

export function DeleteAccountForm({ confirmationText }: { confirmationText: string }) {
  const [state, action] = useActionState(deleteAccountAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-4">
      <TextField
        name="confirmation"
        label={`To confirm, type ${confirmationText}`}
        autoComplete="off"
        spellCheck={false}
        required
        errors={state.fieldErrors?.confirmation}
      />
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Deleting…" variant="danger">
        Delete my account and everything in it
      </SubmitButton>
    </form>
  );
}

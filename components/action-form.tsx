"use client";

import { useActionState, type ReactNode } from "react";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "./form-fields";
import { SubmitButton } from "./submit-button";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  label: string;
  pendingLabel: string;
  variant?: "primary" | "danger" | "secondary";
  children?: ReactNode;
};

// One button that runs one server action with fixed fields, and says how it went.
export function ActionForm({ action, fields, label, pendingLabel, variant = "secondary", children }: Props) {
  const [state, formAction] = useActionState(action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <SubmitButton variant={variant} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <FormMessage
        status={state.status}
        message={[state.message, ...Object.values(state.fieldErrors ?? {}).flat()].filter(Boolean).join(" ") || undefined}
      />
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { FormMessage, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { sendMessageAction } from "../../outbox/actions";

type Props = {
  stepId: string;
  proposedLabel: string;
  proposedLocal: string;
  accountLabel: string;
  recipient: string | null;
};

// Shown once the draft is approved: send now, at the plan's time, or at a picked time.
export function SendForm({ stepId, proposedLabel, proposedLocal, accountLabel, recipient }: Props) {
  const [state, formAction] = useActionState(sendMessageAction, INITIAL_ACTION_STATE);
  const [when, setWhen] = useState(String(state.values?.when ?? "proposed"));
  if (!recipient) {
    return (
      <p role="status" className="rounded-md border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-900 dark:text-amber-200">
        Add the interviewer&apos;s email address to the interview to send this from Afterview.
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-3 rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 px-4 py-3">
      <input type="hidden" name="stepId" value={stepId} />
      <h2 className="text-lg font-semibold">Send it</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        To {recipient}, through {accountLabel}.
      </p>
      <FormMessage status={state.status} message={state.message} />
      <fieldset className="space-y-2 text-sm">
        <legend className="sr-only">When</legend>
        {[
          { value: "proposed", label: `At the proposed time (${proposedLabel})` },
          { value: "now", label: "Now" },
          { value: "at", label: "At a time I pick" },
        ].map((option) => (
          <label key={option.value} className="flex items-center gap-2">
            <input type="radio" name="when" value={option.value} checked={when === option.value} onChange={() => setWhen(option.value)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      {when === "at" ? (
        <TextField
          name="sendAtLocal"
          label="Send at (your time zone)"
          type="datetime-local"
          defaultValue={String(state.values?.sendAtLocal ?? proposedLocal)}
          errors={state.fieldErrors?.sendAtLocal}
          required
        />
      ) : null}
      <SubmitButton pendingLabel={when === "now" ? "Sending…" : "Scheduling…"}>{when === "now" ? "Send now" : "Schedule"}</SubmitButton>
    </form>
  );
}

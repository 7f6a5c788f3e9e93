"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import type { GoogleFeature } from "@/lib/google/scopes";
import { connectGoogleAction, setGoogleFeatureAction } from "./google-actions";

// Turning on asks Google for the permission when it is missing; an option
// that is on but still waiting for it offers to ask again.
export function GoogleFeatureForm({ feature, name, isOn, isGranted }: { feature: GoogleFeature; name: string; isOn: boolean; isGranted: boolean }) {
  const [state, action] = useActionState(setGoogleFeatureAction, INITIAL_ACTION_STATE);
  const buttons = isOn
    ? [...(isGranted ? [] : [{ isEnabled: "true", label: `Allow in Google: ${name}`, variant: "primary" as const }]), { isEnabled: "false", label: `Turn off: ${name}`, variant: "secondary" as const }]
    : [{ isEnabled: "true", label: `Turn on: ${name}`, variant: "primary" as const }];
  return (
    <div className="space-y-2">
      <FormMessage status={state.status} message={state.message} />
      <div className="flex flex-wrap gap-3">
        {buttons.map((button) => (
          <form key={button.isEnabled} action={action}>
            <input type="hidden" name="feature" value={feature} />
            <input type="hidden" name="isEnabled" value={button.isEnabled} />
            <SubmitButton pendingLabel="Saving…" variant={button.variant}>
              {button.label}
            </SubmitButton>
          </form>
        ))}
      </div>
    </div>
  );
}

export function GoogleConnectForm({ label }: { label: string }) {
  const [state, action] = useActionState(connectGoogleAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} className="space-y-2">
      <FormMessage status={state.status} message={state.message} />
      <SubmitButton pendingLabel="Opening Google…">{label}</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import type { SmtpSecurityChoice } from "@/lib/mail/smtp-schema";
import { deleteSmtpSettingsAction, saveSmtpSettingsAction, sendTestEmailAction } from "./smtp-actions";

type Values = { host: string; port: string; security: SmtpSecurityChoice; username: string; fromAddress: string; fromName: string };

const SECURITY_OPTIONS: { value: SmtpSecurityChoice; label: string }[] = [
  { value: "tls", label: "TLS (recommended, usually port 465)" },
  { value: "starttls", label: "STARTTLS (usually port 587)" },
  { value: "none", label: "None (only for a server on this machine)" },
];

export function SmtpForm({ isConnected, initialValues }: { isConnected: boolean; initialValues: Values }) {
  const [saveState, save] = useActionState(saveSmtpSettingsAction, INITIAL_ACTION_STATE);
  const [testState, test] = useActionState(sendTestEmailAction, INITIAL_ACTION_STATE);
  const [removeState, remove] = useActionState(deleteSmtpSettingsAction, INITIAL_ACTION_STATE);
  const values = { ...initialValues, ...(saveState.values as Partial<Values> | undefined) };
  const errors = saveState.fieldErrors ?? {};
  // one message line for the three forms: the one submitted last
  const [lastForm, setLastForm] = useState<"save" | "test" | "remove">("save");
  const message = { save: saveState, test: testState, remove: removeState }[lastForm];
  const submit = (form: typeof lastForm, dispatch: (formData: FormData) => void) => (formData: FormData) => {
    setLastForm(form);
    dispatch(formData);
  };
  return (
    <div className="space-y-4">
      <FormMessage status={message.status} message={message.message} />
      <form action={submit("save", save)} noValidate className="space-y-5">
        <div key={JSON.stringify(saveState)} className="grid gap-5 sm:grid-cols-2">
          <TextField name="host" label="SMTP server" placeholder="smtp.example.com" autoComplete="off" spellCheck={false} defaultValue={values.host} errors={errors.host} />
          <TextField name="port" label="Port" inputMode="numeric" defaultValue={values.port} errors={errors.port} />
          <SelectField name="security" label="Security" defaultValue={values.security} options={SECURITY_OPTIONS} errors={errors.security} />
          <TextField name="username" label="User name (usually your email address)" autoComplete="username" spellCheck={false} defaultValue={values.username} errors={errors.username} />
          <TextField
            name="password"
            label="Password or app password"
            type="password"
            autoComplete="off"
            errors={errors.password}
            hint={isConnected ? "Leave blank to keep the saved password (it is stored encrypted and never shown)." : "Stored encrypted and never shown again."}
          />
          <TextField name="fromAddress" label="From address" type="email" autoComplete="email" spellCheck={false} defaultValue={values.fromAddress} errors={errors.fromAddress} />
          <TextField
            name="fromName"
            label="Sender name"
            autoComplete="name"
            defaultValue={values.fromName}
            errors={errors.fromName}
            hint="Shown as the sender; leave blank to use your display name."
          />
        </div>
        <SubmitButton pendingLabel="Checking the login…">{isConnected ? "Save and check the login" : "Connect SMTP account"}</SubmitButton>
      </form>
      {isConnected ? (
        <div className="flex flex-wrap gap-3">
          <form action={submit("test", test)}>
            <SubmitButton pendingLabel="Sending…" variant="secondary">
              Send a test email
            </SubmitButton>
          </form>
          <form action={submit("remove", remove)}>
            <SubmitButton pendingLabel="Removing…" variant="danger">
              Remove SMTP account
            </SubmitButton>
          </form>
        </div>
      ) : null}
    </div>
  );
}

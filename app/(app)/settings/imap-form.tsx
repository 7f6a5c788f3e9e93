"use client";

import { useActionState, useState } from "react";
import { FormMessage, SelectField, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import type { ImapSecurity } from "@/lib/replies/imap-schema";
import { checkImapNowAction, deleteImapSettingsAction, saveImapSettingsAction } from "./imap-actions";

type Values = { host: string; port: string; security: ImapSecurity; username: string; mailbox: string };

const SECURITY_OPTIONS: { value: ImapSecurity; label: string }[] = [
  { value: "tls", label: "TLS (recommended, usually port 993)" },
  { value: "starttls", label: "STARTTLS (usually port 143)" },
  { value: "none", label: "None (only for a server on this machine)" },
];

export function ImapForm({ isConnected, initialValues }: { isConnected: boolean; initialValues: Values }) {
  const [saveState, save] = useActionState(saveImapSettingsAction, INITIAL_ACTION_STATE);
  const [checkState, check] = useActionState(checkImapNowAction, INITIAL_ACTION_STATE);
  const [removeState, remove] = useActionState(deleteImapSettingsAction, INITIAL_ACTION_STATE);
  const values = { ...initialValues, ...(saveState.values as Partial<Values> | undefined) };
  const errors = saveState.fieldErrors ?? {};
  // one message line for the three forms: the one submitted last
  const [lastForm, setLastForm] = useState<"save" | "check" | "remove">("save");
  const message = { save: saveState, check: checkState, remove: removeState }[lastForm];
  const submit = (form: typeof lastForm, dispatch: (formData: FormData) => void) => (formData: FormData) => {
    setLastForm(form);
    dispatch(formData);
  };
  return (
    <div className="space-y-4">
      <FormMessage status={message.status} message={message.message} />
      <form action={submit("save", save)} noValidate className="space-y-5">
        <div key={JSON.stringify(saveState)} className="grid gap-5 sm:grid-cols-2">
          <TextField name="host" label="IMAP server" placeholder="imap.example.com" autoComplete="off" spellCheck={false} defaultValue={values.host} errors={errors.host} />
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
          <TextField name="mailbox" label="Mailbox" spellCheck={false} defaultValue={values.mailbox} errors={errors.mailbox} hint="Where replies arrive; usually INBOX." />
        </div>
        <SubmitButton pendingLabel="Checking the connection…">{isConnected ? "Save and reconnect" : "Connect mailbox"}</SubmitButton>
      </form>
      {isConnected ? (
        <div className="flex flex-wrap gap-3">
          <form action={submit("check", check)}>
            <SubmitButton pendingLabel="Checking…" variant="secondary">
              Check now
            </SubmitButton>
          </form>
          <form action={submit("remove", remove)}>
            <SubmitButton pendingLabel="Removing…" variant="danger">
              Remove mailbox
            </SubmitButton>
          </form>
        </div>
      ) : null}
    </div>
  );
}

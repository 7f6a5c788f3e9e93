"use client";

import { useActionState, useState, type ReactNode } from "react";
import { FormMessage, SelectField, TextField } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE, type ActionState, type FieldErrors } from "@/lib/actions/state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Security = "tls" | "starttls" | "none";
export type MailServerValues = { host: string; port: string; security: Security; username: string };

type Props<Values extends MailServerValues> = {
  /** "SMTP" or "IMAP": names the server field */
  protocol: string;
  ports: { tls: number; starttls: number };
  isConnected: boolean;
  initialValues: Values;
  actions: { save: FormAction; extra: FormAction; remove: FormAction };
  labels: { connect: string; save: string; savePending: string; extra: string; extraPending: string; remove: string };
  /** the fields after the server's (From address, mailbox...) */
  extraFields: (values: Values, errors: FieldErrors) => ReactNode;
};

// A mail server account (SMTP for sending, IMAP for replies): the server
// fields, save (which checks the login), one more action and remove, with one
// message line for whichever form was submitted last. The password is never echoed.
export function MailAccountForm<Values extends MailServerValues>({ protocol, ports, isConnected, initialValues, actions, labels, extraFields }: Props<Values>) {
  const [saveState, save] = useActionState(actions.save, INITIAL_ACTION_STATE);
  const [extraState, extra] = useActionState(actions.extra, INITIAL_ACTION_STATE);
  const [removeState, remove] = useActionState(actions.remove, INITIAL_ACTION_STATE);
  const values = { ...initialValues, ...(saveState.values as Partial<Values> | undefined) };
  const errors = saveState.fieldErrors ?? {};
  const [lastForm, setLastForm] = useState<"save" | "extra" | "remove">("save");
  const message = { save: saveState, extra: extraState, remove: removeState }[lastForm];
  const submit = (form: typeof lastForm, dispatch: (formData: FormData) => void) => (formData: FormData) => {
    setLastForm(form);
    dispatch(formData);
  };
  const securityOptions: { value: Security; label: string }[] = [
    { value: "tls", label: `TLS (recommended, usually port ${ports.tls})` },
    { value: "starttls", label: `STARTTLS (usually port ${ports.starttls})` },
    { value: "none", label: "None (only for a server on this machine)" },
  ];
  const host = `${protocol.toLowerCase()}.example.com`;
  return (
    <div className="space-y-4">
      <FormMessage status={message.status} message={message.message} />
      <form action={submit("save", save)} noValidate className="space-y-5">
        <div key={JSON.stringify(saveState)} className="grid gap-5 sm:grid-cols-2">
          <TextField name="host" label={`${protocol} server`} placeholder={host} autoComplete="off" spellCheck={false} defaultValue={values.host} errors={errors.host} />
          <TextField name="port" label="Port" inputMode="numeric" defaultValue={values.port} errors={errors.port} />
          <SelectField name="security" label="Security" defaultValue={values.security} options={securityOptions} errors={errors.security} />
          <TextField name="username" label="User name (usually your email address)" autoComplete="username" spellCheck={false} defaultValue={values.username} errors={errors.username} />
          <TextField
            name="password"
            label="Password or app password"
            type="password"
            autoComplete="off"
            errors={errors.password}
            hint={isConnected ? "Leave blank to keep the saved password (it is stored encrypted and never shown)." : "Stored encrypted and never shown again."}
          />
          {extraFields(values, errors)}
        </div>
        <SubmitButton pendingLabel={labels.savePending}>{isConnected ? labels.save : labels.connect}</SubmitButton>
      </form>
      {isConnected ? (
        <div className="flex flex-wrap gap-3">
          <form action={submit("extra", extra)}>
            <SubmitButton pendingLabel={labels.extraPending} variant="secondary">
              {labels.extra}
            </SubmitButton>
          </form>
          <form action={submit("remove", remove)}>
            <SubmitButton pendingLabel="Removing…" variant="danger">
              {labels.remove}
            </SubmitButton>
          </form>
        </div>
      ) : null}
    </div>
  );
}

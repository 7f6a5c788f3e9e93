"use client";

import { TextField } from "@/components/form-fields";
import type { SmtpSecurityChoice } from "@/lib/mail/smtp-schema";
import { MailAccountForm } from "./mail-account-form";
import { deleteSmtpSettingsAction, saveSmtpSettingsAction, sendTestEmailAction } from "./smtp-actions";

type Values = { host: string; port: string; security: SmtpSecurityChoice; username: string; fromAddress: string; fromName: string };

export function SmtpForm({ isConnected, initialValues }: { isConnected: boolean; initialValues: Values }) {
  return (
    <MailAccountForm
      protocol="SMTP"
      ports={{ tls: 465, starttls: 587 }}
      isConnected={isConnected}
      initialValues={initialValues}
      actions={{ save: saveSmtpSettingsAction, extra: sendTestEmailAction, remove: deleteSmtpSettingsAction }}
      labels={{
        connect: "Connect SMTP account",
        save: "Save and check the login",
        savePending: "Checking the login…",
        extra: "Send a test email",
        extraPending: "Sending…",
        remove: "Remove SMTP account",
      }}
      extraFields={(values, errors) => (
        <>
          <TextField name="fromAddress" label="From address" type="email" autoComplete="email" spellCheck={false} defaultValue={values.fromAddress} errors={errors.fromAddress} />
          <TextField
            name="fromName"
            label="Sender name"
            autoComplete="name"
            defaultValue={values.fromName}
            errors={errors.fromName}
            hint="Shown as the sender; leave blank to use your display name."
          />
        </>
      )}
    />
  );
}

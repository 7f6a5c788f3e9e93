"use client";

import { TextField } from "@/components/form-fields";
import type { ImapSecurity } from "@/lib/replies/imap-schema";
import { checkImapNowAction, deleteImapSettingsAction, saveImapSettingsAction } from "./imap-actions";
import { MailAccountForm } from "./mail-account-form";

type Values = { host: string; port: string; security: ImapSecurity; username: string; mailbox: string };

export function ImapForm({ isConnected, initialValues }: { isConnected: boolean; initialValues: Values }) {
  return (
    <MailAccountForm
      protocol="IMAP"
      ports={{ tls: 993, starttls: 143 }}
      isConnected={isConnected}
      initialValues={initialValues}
      actions={{ save: saveImapSettingsAction, extra: checkImapNowAction, remove: deleteImapSettingsAction }}
      labels={{
        connect: "Connect mailbox",
        save: "Save and reconnect",
        savePending: "Checking the connection…",
        extra: "Check now",
        extraPending: "Checking…",
        remove: "Remove mailbox",
      }}
      extraFields={(values, errors) => (
        <TextField name="mailbox" label="Mailbox" spellCheck={false} defaultValue={values.mailbox} errors={errors.mailbox} hint="Where replies arrive; usually INBOX." />
      )}
    />
  );
}

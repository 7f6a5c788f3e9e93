import { z } from "zod";
import { mailServerFields, refuseRemotePlaintext, type MailSecurity } from "@/lib/mail/server-schema";
import { singleLine } from "@/lib/validation";

export type ImapSecurity = MailSecurity;

// One schema for the Settings form and its action. The password may be left
// blank when editing: the saved one is kept (lib/replies/imap-settings.ts).
export const imapSettingsInputSchema = z
  .object({
    ...mailServerFields("imap.example.com"),
    mailbox: singleLine("Mailbox", 200).transform((value) => value || "INBOX"),
  })
  .superRefine(refuseRemotePlaintext);

export type ImapSettingsInput = z.output<typeof imapSettingsInputSchema>;

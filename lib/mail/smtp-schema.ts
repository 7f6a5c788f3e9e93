import { z } from "zod";
import { mailServerFields, refuseRemotePlaintext, type MailSecurity } from "@/lib/mail/server-schema";
import { requiredLine, singleLine } from "@/lib/validation";

export type SmtpSecurityChoice = MailSecurity;

const FROM_ADDRESS_MESSAGE = "Enter the address your mail is sent from, like jane@example.com";

// One schema for the Settings form and its action. The password may be left
// blank when editing: the saved one is kept (lib/mail/smtp-settings.ts). The
// sender name and address go into the From header, so CR/LF is refused.
export const smtpSettingsInputSchema = z
  .object({
    ...mailServerFields("smtp.example.com"),
    fromAddress: requiredLine("From address", 254).refine((value) => value === "" || z.email().safeParse(value).success, FROM_ADDRESS_MESSAGE),
    fromName: singleLine("Sender name", 100).default(""),
  })
  .superRefine(refuseRemotePlaintext);

export type SmtpSettingsInput = z.output<typeof smtpSettingsInputSchema>;

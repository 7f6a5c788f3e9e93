import { z } from "zod";
import { isLoopbackHost, MAIL_HOST_PATTERN, requiredLine, singleLine } from "@/lib/validation";

export const SMTP_SECURITY = ["tls", "starttls", "none"] as const;
export type SmtpSecurityChoice = (typeof SMTP_SECURITY)[number];

const LINE_BREAK = /[\r\n]/;
const PORT_MESSAGE = "Port must be a number between 1 and 65535";
const FROM_ADDRESS_MESSAGE = "Enter the address your mail is sent from, like jane@example.com";

// One schema for the Settings form and its action. The password may be left
// blank when editing: the saved one is kept (lib/mail/smtp-settings.ts). The
// sender name and address go into the From header, so CR/LF is refused.
export const smtpSettingsInputSchema = z
  .object({
    host: requiredLine("Server", 253).refine((value) => value === "" || MAIL_HOST_PATTERN.test(value), "Enter a server name like smtp.example.com"),
    port: z.coerce.number({ message: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE),
    security: z.enum(SMTP_SECURITY, { message: "Choose how the connection is secured" }),
    username: requiredLine("User name", 320),
    password: z
      .string()
      .max(1000, "Password must be at most 1000 characters")
      .refine((value) => !LINE_BREAK.test(value), "Password must be on one line")
      .default(""),
    fromAddress: requiredLine("From address", 254).refine((value) => value === "" || z.email().safeParse(value).success, FROM_ADDRESS_MESSAGE),
    fromName: singleLine("Sender name", 100).default(""),
  })
  .superRefine((input, context) => {
    if (input.security === "none" && !isLoopbackHost(input.host)) {
      context.addIssue({
        code: "custom",
        path: ["security"],
        message: "An unencrypted connection is only allowed to a server on this machine (localhost). Choose TLS or STARTTLS.",
      });
    }
  });

export type SmtpSettingsInput = z.output<typeof smtpSettingsInputSchema>;

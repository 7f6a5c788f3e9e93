import { z } from "zod";
import { isLoopbackHost, MAIL_HOST_PATTERN, requiredLine, singleLine } from "@/lib/validation";

export const IMAP_SECURITY = ["tls", "starttls", "none"] as const;
export type ImapSecurity = (typeof IMAP_SECURITY)[number];

const LINE_BREAK = /[\r\n]/;
const PORT_MESSAGE = "Port must be a number between 1 and 65535";

// The server runs on this machine: the only place an unencrypted login is allowed.

// One schema for the Settings form and its action. The password may be left
// blank when editing: the saved one is kept (lib/replies/imap-settings.ts).
export const imapSettingsInputSchema = z
  .object({
    host: requiredLine("Server", 253).refine((value) => value === "" || MAIL_HOST_PATTERN.test(value), "Enter a server name like imap.example.com"),
    port: z.coerce.number({ message: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE),
    security: z.enum(IMAP_SECURITY, { message: "Choose how the connection is secured" }),
    username: requiredLine("User name", 320),
    password: z
      .string()
      .max(1000, "Password must be at most 1000 characters")
      .refine((value) => !LINE_BREAK.test(value), "Password must be on one line")
      .default(""),
    mailbox: singleLine("Mailbox", 200).transform((value) => value || "INBOX"),
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

export type ImapSettingsInput = z.output<typeof imapSettingsInputSchema>;


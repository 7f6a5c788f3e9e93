import { z } from "zod";
import { isLoopbackHost, MAIL_HOST_PATTERN, requiredLine } from "@/lib/validation";

// The fields every mail server account shares (SMTP for sending, IMAP for
// replies), for one schema per form that adds its own fields.
export const MAIL_SECURITY = ["tls", "starttls", "none"] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

const PORT_MESSAGE = "Port must be a number between 1 and 65535";

export function mailServerFields(example: string) {
  return {
    host: requiredLine("Server", 253).refine((value) => value === "" || MAIL_HOST_PATTERN.test(value), `Enter a server name like ${example}`),
    port: z.coerce.number({ message: PORT_MESSAGE }).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE),
    security: z.enum(MAIL_SECURITY, { message: "Choose how the connection is secured" }),
    username: requiredLine("User name", 320),
    // blank on edit keeps the saved password
    password: z
      .string()
      .max(1000, "Password must be at most 1000 characters")
      .refine((value) => !/[\r\n]/.test(value), "Password must be on one line")
      // NUL separates the fields of an AUTH PLAIN login: none may hide in a password
      .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), "Password contains an invisible control character; remove it")
      .default(""),
  };
}

/** An unencrypted login only to a server on this machine. */
export function refuseRemotePlaintext(input: { security: MailSecurity; host: string }, context: z.RefinementCtx): void {
  if (input.security === "none" && !isLoopbackHost(input.host)) {
    context.addIssue({
      code: "custom",
      path: ["security"],
      message: "An unencrypted connection is only allowed to a server on this machine (localhost). Choose TLS or STARTTLS.",
    });
  }
}

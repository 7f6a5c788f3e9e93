import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { readEnv } from "@/lib/env";
import { storeDevOutboxMessage } from "./dev-outbox";
import { smtpUrlOptions } from "./transports/smtp";

/** `headers`: extra header fields (the digest's List-Unsubscribe); the dev outbox keeps only the parts. */
export type OutgoingMail = { to: string; subject: string; text: string; html?: string; headers?: Record<string, string> };

let smtpTransport: Transporter | undefined;

// Built once per process from configuration, with the outbox relay's pool limits
// and timeouts (the URL alone would drop them); TLS verification stays on.
function getSmtpTransport(smtpUrl: string): Transporter {
  smtpTransport ??= nodemailer.createTransport(smtpUrlOptions(smtpUrl));
  return smtpTransport;
}

// Server-wide mail (sign-in links, the morning digest): SMTP when SMTP_URL is set, else the dev outbox.
export async function sendSystemMail(mail: OutgoingMail): Promise<void> {
  const env = readEnv();
  if (!env.SMTP_URL) {
    await storeDevOutboxMessage({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return;
  }
  const info = await getSmtpTransport(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...mail });
  const failed = [...(info.rejected ?? []), ...(info.pending ?? [])];
  if (failed.length > 0) {
    throw new Error(`The mail server did not accept ${failed.join(", ")}`);
  }
}

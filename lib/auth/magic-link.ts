import "server-only";
import { render } from "@react-email/render";
import { AuthError } from "next-auth";
import MagicLinkEmail from "@/emails/magic-link";
import { isDevOutboxEnabled } from "@/lib/env";
import { logger } from "@/lib/log";
import { sendSystemMail } from "@/lib/mail/system-mail";
import { signInAddressSchema } from "./schemas";

// Auth.js redirects with an error's type only for the types it calls client-safe,
// and AccessDenied is the one that fits: its own route then answers
// /signin?error=AccessDenied rather than blaming the server's configuration.
export class InvalidSignInAddressError extends AuthError {
  static type = "AccessDenied";
}

// The email provider's normalizeIdentifier: Auth.js's route and the form's action
// both end here, so both accept exactly what signInAddressSchema accepts.
export function normalizeSignInAddress(identifier: string | undefined): string {
  const parsed = signInAddressSchema.safeParse(identifier);
  if (!parsed.success) throw new InvalidSignInAddressError("Not a valid sign-in address");
  return parsed.data;
}

export async function sendMagicLink({ email, url }: { email: string; url: string }): Promise<void> {
  const { host } = new URL(url);
  const element = MagicLinkEmail({ url, host });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  await sendSystemMail({ to: email, subject: `Sign in to Afterview (${host})`, text, html });
  if (isDevOutboxEnabled()) {
    // where to find it, never the link itself: a sign-in link is a password for a day
    logger.info({ outbox: new URL("/dev/outbox", url).href }, "auth.sign_in_link_in_dev_outbox");
  }
}

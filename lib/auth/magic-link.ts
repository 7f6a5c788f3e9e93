import "server-only";
import { render } from "@react-email/render";
import MagicLinkEmail from "@/emails/magic-link";
import { isDevOutboxEnabled } from "@/lib/env";
import { sendSystemMail } from "@/lib/mail/transport";

export async function sendMagicLink({ email, url }: { email: string; url: string }): Promise<void> {
  const { host } = new URL(url);
  const element = MagicLinkEmail({ url, host });
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  await sendSystemMail({ to: email, subject: `Sign in to Afterview (${host})`, text, html });
  if (isDevOutboxEnabled()) {
    // The dev default has no mail server: the console is the second place to find the link.
    console.info(`[dev outbox] sign-in link for ${email}: ${url}`);
  }
}

import "server-only";
import { randomUUID } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { UserFacingError } from "@/lib/errors";
import { findTextProblem } from "@/lib/validation/text";

export type Mailbox = { name: string; address: string };

export type ComposeInput = {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  date: Date;
};

/** Our own Message-ID, on the sender's domain so replies thread and spam filters see a matching domain. */
export function createMessageId(fromAddress: string): string {
  const domain = fromAddress.split("@")[1]?.toLowerCase() || "afterview.local";
  return `<${randomUUID()}@${domain}>`;
}

/**
 * The message exactly as every transport sends it (SMTP and the Gmail API get the
 * same bytes). Header values never carry a line break, a control character or an
 * RFC 2047 encoded word (which a mail client decodes, CR LF included): such a name
 * or subject is refused here, whatever the caller validated or whatever was stored
 * before the forms refused it, so no input can add headers.
 */
export async function composeMessage(input: ComposeInput): Promise<Buffer> {
  for (const [label, value] of [
    ["subject", input.subject],
    ["sender name", input.from.name],
    ["sender address", input.from.address],
    ["recipient name", input.to.name],
    ["recipient address", input.to.address],
  ] as const) {
    const problem = findTextProblem(value, "line");
    if (problem) throw new UserFacingError(`This message cannot be sent: the ${label} ${problem}. Edit it and try again.`);
  }
  const composer = new MailComposer({
    from: { name: input.from.name, address: input.from.address },
    to: { name: input.to.name, address: input.to.address },
    subject: input.subject,
    text: input.text,
    html: input.html,
    messageId: input.messageId,
    date: input.date,
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    ...(input.references.length > 0 ? { references: input.references } : {}),
    // the message is built from the user's text alone: no files or URLs are ever read
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}

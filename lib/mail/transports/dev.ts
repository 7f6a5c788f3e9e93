import "server-only";
import { simpleParser } from "mailparser";
import { storeDevOutboxMessage } from "../dev-outbox";
import type { MailTransport } from "./types";

// Nothing configured: the message is parsed from the same bytes a real transport
// would send and kept on /dev/outbox.
export const devTransport: MailTransport = {
  kind: "dev",
  async send(message) {
    const parsed = await simpleParser(message.raw);
    await storeDevOutboxMessage({
      to: message.to,
      subject: parsed.subject ?? "",
      text: parsed.text ?? "",
      html: typeof parsed.html === "string" ? parsed.html : undefined,
    });
    return { providerMessageId: null, gmailThreadId: null };
  },
};

import "server-only";
import { simpleParser } from "mailparser";
import { storeDevOutboxMessage } from "../dev-outbox";
import { createSendSlots } from "./send-slots";
import type { MailTransport } from "./types";

/** Writes to the app's own database: a few at a time leave the pool to the web pages. */
export const DEV_OUTBOX_MAX_CONCURRENT_SENDS = 5;

// Nothing configured: the message is parsed from the same bytes a real transport
// would send and kept on /dev/outbox.
export const devTransport: MailTransport = {
  kind: "dev",
  sendSlots: createSendSlots(DEV_OUTBOX_MAX_CONCURRENT_SENDS),
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

import type { OutboundMessage } from "@/lib/db/schema";
import type { SendSlots } from "./send-slots";

export type MailTransportKind = OutboundMessage["transport"];

/** What every transport sends: the exact bytes built at approval, the SMTP envelope, and Gmail's thread. */
export type TransportMessage = {
  raw: Buffer;
  from: string;
  to: string;
  gmailThreadId: string | null;
};

export type TransportReceipt = {
  providerMessageId: string | null;
  gmailThreadId: string | null;
};

export type MailTransport = {
  kind: MailTransportKind;
  /** shared by everything sending through the same account or pool in this process */
  sendSlots: SendSlots;
  send(message: TransportMessage): Promise<TransportReceipt>;
};

/**
 * How a failed send ends (docs/user-guide.md "Sending: what can go wrong"):
 * - temporary: nothing was delivered and trying again may work (network, SMTP 4xx, HTTP 429/5xx);
 * - permanent: nothing was delivered and trying again will not help (SMTP 5xx, bad address, login refused);
 * - unknown: the message may have been delivered (the connection dropped after the message was handed over).
 */
export type DeliveryOutcome = "temporary" | "permanent" | "unknown";

export class DeliveryError extends Error {
  readonly outcome: DeliveryOutcome;
  /** Written for the user, shown on the Outbox page; the server's own words where there are any. */
  readonly userMessage: string;
  /** The transport's login was refused: shown on the Settings page too. */
  readonly isAuthFailure: boolean;

  constructor(outcome: DeliveryOutcome, userMessage: string, options: { cause?: unknown; isAuthFailure?: boolean } = {}) {
    super(userMessage, { cause: options.cause });
    this.name = "DeliveryError";
    this.outcome = outcome;
    this.userMessage = userMessage;
    this.isAuthFailure = options.isAuthFailure ?? false;
  }
}

import "server-only";
import { createGoogleClient, GoogleNotConnectedError, GoogleReconnectRequiredError, type Sleep } from "@/lib/google/client";
import { loadGoogleConnection, markGoogleConnectionBroken } from "@/lib/google/connection";
import { isGoogleRateLimit, readGoogleErrorDetails, readGoogleErrorStatus } from "@/lib/google/errors";
import { NO_RETRY } from "@/lib/google/retry";
import { GMAIL_SEND_SCOPE } from "@/lib/google/scopes";
import { createSendSlots, type SendSlots } from "./send-slots";
import { DeliveryError, type MailTransport, type TransportMessage, type TransportReceipt } from "./types";

/** A send still unanswered after this long ends as "unknown", before its job expires. */
export const GMAIL_SEND_TIMEOUT_MS = 60_000;
const GOOGLE_WORDS_MAX_CHARS = 300;
/** Sends per Google account at once in one process: a user's batch, not a burst against Gmail's per-user limits. */
export const GMAIL_MAX_CONCURRENT_SENDS = 5;

// per user, not per transport object: a transport is built for every batch
const gmailSendSlots = new Map<string, SendSlots>();

function sendSlotsFor(userId: string): SendSlots {
  let slots = gmailSendSlots.get(userId);
  if (!slots) {
    slots = createSendSlots(GMAIL_MAX_CONCURRENT_SENDS);
    gmailSendSlots.set(userId, slots);
  }
  return slots;
}

export const GMAIL_RECONNECT_MESSAGE = "Google refused Afterview's access to your account. Reconnect Google in Settings, then send again.";

// Nothing left this machine: the connection never opened.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

export type GmailTransportOptions = {
  userId: string;
  now: Date;
  rootUrl?: string;
  tokenUrl?: string;
  sleep?: Sleep;
};

// fetch wraps the socket error (ECONNREFUSED...) in causes: look down the chain.
function readNetworkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What a failed users.messages.send means for the outbox (docs/user-guide.md "Sending: what can go wrong"). */
export function toGmailDeliveryError(error: unknown): DeliveryError {
  const status = readGoogleErrorStatus(error);
  if (status === undefined) {
    if (readNetworkCode(error)) return new DeliveryError("temporary", "Could not reach Gmail; Afterview will try again.", { cause: error });
    return new DeliveryError(
      "unknown",
      "The connection to Gmail broke after the message was handed over, so it may have been sent. Check your Sent folder.",
      { cause: error },
    );
  }
  const message = readGoogleErrorDetails(error).message.slice(0, GOOGLE_WORDS_MAX_CHARS);
  const said = message ? `: ${message}` : "";
  if (status === 401) return new DeliveryError("permanent", GMAIL_RECONNECT_MESSAGE, { cause: error, isAuthFailure: true });
  if (status >= 500 || isGoogleRateLimit(error)) {
    return new DeliveryError("temporary", `Gmail asked to try again later${said}`, { cause: error });
  }
  if (status === 403) {
    return new DeliveryError("permanent", `Gmail refused to send for Afterview${said}. Allow sending in Settings (Google), then send again.`, {
      cause: error,
      isAuthFailure: true,
    });
  }
  return new DeliveryError("permanent", `Gmail refused the message${said}`, { cause: error });
}

async function openGmail(options: GmailTransportOptions) {
  try {
    return (await createGoogleClient(options)).gmail;
  } catch (error) {
    if (error instanceof GoogleReconnectRequiredError) {
      await markGoogleConnectionBroken({ userId: options.userId, now: options.now, message: error.message });
      throw new DeliveryError("permanent", GMAIL_RECONNECT_MESSAGE, { cause: error, isAuthFailure: true });
    }
    if (error instanceof GoogleNotConnectedError) {
      throw new DeliveryError("permanent", "No Google account is connected any more. Connect Google in Settings, then send again.", {
        cause: error,
        isAuthFailure: true,
      });
    }
    // The token endpoint was unreachable or busy: nothing was sent yet.
    throw new DeliveryError("temporary", "Could not refresh access to Gmail; Afterview will try again.", { cause: error });
  }
}

/**
 * Sends the approved bytes through the user's Gmail (users.messages.send).
 * The send is never retried by the client: a replayed POST could deliver the
 * mail twice, so every failure goes back to the outbox as a DeliveryError.
 */
export async function createGmailTransport(options: GmailTransportOptions): Promise<MailTransport> {
  return {
    kind: "gmail",
    sendSlots: sendSlotsFor(options.userId),
    async send(message: TransportMessage): Promise<TransportReceipt> {
      const gmail = await openGmail(options);
      try {
        const { data } = await gmail.users.messages.send(
          {
            userId: "me",
            requestBody: { raw: message.raw.toString("base64url"), ...(message.gmailThreadId ? { threadId: message.gmailThreadId } : {}) },
          },
          { ...NO_RETRY, timeout: GMAIL_SEND_TIMEOUT_MS },
        );
        return { providerMessageId: data.id ?? null, gmailThreadId: data.threadId ?? message.gmailThreadId };
      } catch (error) {
        throw toGmailDeliveryError(error);
      }
    },
  };
}

/**
 * The Gmail address a user's mail can leave from, or null when Gmail is not
 * usable: no Google account, gmail.send not granted, "Send with Gmail" off,
 * or the connection broken (they must reconnect first).
 */
export async function getGmailSender({ userId }: { userId: string }): Promise<{ address: string; name: string } | null> {
  const connection = await loadGoogleConnection({ userId });
  if (!connection || connection.isBroken || !connection.setting.sendWithGmail) return null;
  if (!connection.scopes.has(GMAIL_SEND_SCOPE) || !connection.address) return null;
  return { address: connection.address, name: connection.userName };
}

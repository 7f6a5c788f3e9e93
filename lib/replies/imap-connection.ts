import "server-only";
import { ImapFlow } from "imapflow";
import { UserFacingError } from "@/lib/errors";
import { MailDestinationError, resolveMailDestination } from "@/lib/net/mail-destination";
import { isLoopbackHost } from "@/lib/validation";
import type { ImapSecurity } from "./imap-schema";

export type ImapAccount = {
  host: string;
  port: number;
  security: ImapSecurity;
  username: string;
  password: string;
  mailbox: string;
};

/** One user's whole check: connect, log in, search and fetch. */
export const IMAP_TIMEOUT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 20_000;

type ImapErrorField = "host" | "port" | "security" | "password" | "mailbox";

// An expected failure of the user's mail server, in words for the user and
// tied to the form field that can fix it.
export class ImapAccountError extends UserFacingError {
  readonly field: ImapErrorField;

  constructor(message: string, field: ImapErrorField) {
    super(message, { [field]: [message] });
    this.name = "ImapAccountError";
    this.field = field;
  }
}

type ImapFailure = Error & {
  code?: string;
  authenticationFailed?: boolean;
  tlsFailed?: boolean;
};

export const IMAP_UNREACHABLE_MESSAGE =
  "Could not connect to a mail server at this server and port. Check both, and the security setting (TLS is usually port 993, STARTTLS port 143).";
export const IMAP_LOGIN_REFUSED_MESSAGE = "The mail server refused the login. Check the user name and password (an app password for Gmail).";

// A certificate that could not be verified; a peer that does not speak TLS at all is "unreachable".
const CERTIFICATE_CODES = /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS_CERT_|HOSTNAME_MISMATCH)/;

/**
 * Fixed words for each kind of failure, never the server's (docs/architecture.md "Errors"):
 * before the login the other end may be any service on any host, and quoting
 * it would let the Settings form read banners. A closed port, a timeout and a
 * service that is not IMAP read alike, so the form cannot map open ports.
 */
export function describeImapError(error: unknown, account: Pick<ImapAccount, "mailbox">, stage: "connect" | "mailbox"): ImapAccountError {
  if (error instanceof ImapAccountError) return error;
  const failure = (error ?? {}) as ImapFailure;
  const code = failure.code ?? "";
  if (failure.authenticationFailed) return new ImapAccountError(IMAP_LOGIN_REFUSED_MESSAGE, "password");
  if (stage === "mailbox") return new ImapAccountError(`The mailbox "${account.mailbox}" could not be opened. Check its name (INBOX is the usual one).`, "mailbox");
  if (failure.tlsFailed) return new ImapAccountError("The server does not offer STARTTLS on this port. Choose TLS (usually port 993) or check the port.", "security");
  if (CERTIFICATE_CODES.test(code)) return new ImapAccountError("The mail server's TLS certificate could not be verified (or it was issued for another name).", "security");
  return new ImapAccountError(IMAP_UNREACHABLE_MESSAGE, "host");
}

/**
 * A client for the user's mailbox, aimed at an address checked first
 * (lib/net/mail-destination.ts): the name is resolved here and the client
 * connects to that address, verifying TLS against the name. TLS is verified;
 * "none" is accepted only for a server on this machine, here as well as in the
 * form, so a row written some other way cannot downgrade it.
 */
export async function createImapClient(account: ImapAccount, timeoutMs = IMAP_TIMEOUT_MS): Promise<ImapFlow> {
  if (account.security === "none" && !isLoopbackHost(account.host)) {
    throw new ImapAccountError("An unencrypted connection is only allowed to a server on this machine. Choose TLS or STARTTLS.", "security");
  }
  const destination = await resolveMailDestination({ protocol: "imap", host: account.host, port: account.port }).catch((error: unknown) => {
    throw error instanceof MailDestinationError ? new ImapAccountError(error.message, error.field) : error;
  });
  const client = new ImapFlow({
    host: destination.address,
    servername: destination.servername,
    port: account.port,
    secure: account.security === "tls",
    doSTARTTLS: account.security === "starttls" ? true : account.security === "none" ? false : undefined,
    tls: { rejectUnauthorized: true, minVersion: "TLSv1.2" },
    auth: { user: account.username, pass: account.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: Math.min(CONNECT_TIMEOUT_MS, timeoutMs),
    greetingTimeout: Math.min(CONNECT_TIMEOUT_MS, timeoutMs),
    socketTimeout: timeoutMs,
  });
  // imapflow reports socket failures as "error" events too; the awaited call rejects with them.
  client.on("error", () => {});
  return client;
}

/** Connect, log in and open the mailbox read-only: what saving the settings checks. */
export async function verifyImapAccount(account: ImapAccount): Promise<void> {
  const client = await createImapClient(account, CONNECT_TIMEOUT_MS);
  try {
    await client.connect().catch((error: unknown) => {
      throw describeImapError(error, account, "connect");
    });
    await client.mailboxOpen(account.mailbox, { readOnly: true }).catch((error: unknown) => {
      throw describeImapError(error, account, "mailbox");
    });
    await client.logout();
  } finally {
    client.close();
  }
}

import "server-only";
import { ImapFlow } from "imapflow";
import { UserFacingError } from "@/lib/errors";
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
const MESSAGE_MAX_CHARS = 300;

type ImapErrorField = "host" | "security" | "password" | "mailbox";

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
  responseText?: string;
};

const TLS_CODES = /^(CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;
const TIMEOUT_CODES = new Set(["CONNECT_TIMEOUT", "GREETING_TIMEOUT", "UPGRADE_TIMEOUT", "ETIMEOUT", "ETIMEDOUT"]);

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim().replace(/\.+$/, "").slice(0, MESSAGE_MAX_CHARS);
}

// The server's own words when it gave any (style.md rule 9: an expected error
// carries a message for the user); never our stack or internals.
export function describeImapError(error: unknown, account: Pick<ImapAccount, "host" | "port" | "mailbox">, stage: "connect" | "mailbox"): ImapAccountError {
  if (error instanceof ImapAccountError) return error;
  const failure = (error ?? {}) as ImapFailure;
  const said = failure.responseText ? oneLine(failure.responseText) : "";
  const code = failure.code ?? "";
  if (failure.authenticationFailed) return new ImapAccountError(`The server refused the login: ${said || "authentication failed"}. Check the user name and password (an app password for Gmail).`, "password");
  if (stage === "mailbox") return new ImapAccountError(`The mailbox "${account.mailbox}" could not be opened${said ? `: ${said}` : ""}.`, "mailbox");
  if (failure.tlsFailed) return new ImapAccountError("The server does not offer STARTTLS on this port. Choose TLS (usually port 993) or check the port.", "security");
  if (code === "ECONNREFUSED") return new ImapAccountError(`Nothing answered at ${account.host}:${account.port} (connection refused). Check the server and port.`, "host");
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new ImapAccountError(`The server name "${account.host}" could not be found.`, "host");
  if (TIMEOUT_CODES.has(code)) return new ImapAccountError(`${account.host}:${account.port} did not answer in time. Check the server and port.`, "host");
  if (TLS_CODES.test(code)) return new ImapAccountError(`The secure connection to ${account.host} failed (${code}): its certificate could not be verified or the port does not speak TLS.`, "security");
  if (said) return new ImapAccountError(`The mail server answered: ${said}`, "host");
  return new ImapAccountError(`Could not talk to ${account.host}:${account.port}${code ? ` (${code})` : ""}.`, "host");
}

// TLS is verified; "none" is accepted only for a server on this machine, here
// as well as in the form, so a row written some other way cannot downgrade it.
export function createImapClient(account: ImapAccount, timeoutMs = IMAP_TIMEOUT_MS): ImapFlow {
  if (account.security === "none" && !isLoopbackHost(account.host)) {
    throw new ImapAccountError("An unencrypted connection is only allowed to a server on this machine. Choose TLS or STARTTLS.", "security");
  }
  const client = new ImapFlow({
    host: account.host.replace(/^\[|\]$/g, ""),
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
  const client = createImapClient(account, CONNECT_TIMEOUT_MS);
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

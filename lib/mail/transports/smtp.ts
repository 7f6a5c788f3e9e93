import "server-only";
import net from "node:net";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { logError } from "@/lib/log";
import { MailDestinationError, resolveMailDestination, toBareHost } from "@/lib/net/mail-destination";
import { isLoopbackHost } from "@/lib/validation";
import { createSendSlots } from "./send-slots";
import { DeliveryError, type DeliveryOutcome, type MailTransport, type TransportMessage, type TransportReceipt } from "./types";

/** Pooled: a batch of messages shares a few connections instead of a handshake each. */
export const SMTP_POOL_MAX_CONNECTIONS = 5;
export const SMTP_POOL_MAX_MESSAGES_PER_CONNECTION = 100;
/** Short enough that a stuck send ends (as "unknown") before its job expires and is retried. */
export const SMTP_SOCKET_TIMEOUT_MS = 60_000;
export const SMTP_CONNECT_TIMEOUT_MS = 20_000;

export type SmtpSecurity = "tls" | "starttls" | "none";

export type SmtpServerSettings =
  | { url: string }
  | { host: string; port: number; security: SmtpSecurity; username: string; password: string };


// forceAuth is a documented nodemailer option that @types/nodemailer leaves out.
type PoolOptions = SMTPPool.Options & { forceAuth?: boolean };

const COMMON_POOL_OPTIONS = {
  pool: true as const,
  maxConnections: SMTP_POOL_MAX_CONNECTIONS,
  maxMessages: SMTP_POOL_MAX_MESSAGES_PER_CONNECTION,
  connectionTimeout: SMTP_CONNECT_TIMEOUT_MS,
  greetingTimeout: SMTP_CONNECT_TIMEOUT_MS,
  socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
  disableFileAccess: true,
  disableUrlAccess: true,
  getSocket: connectWithoutDelay,
};

/**
 * The operator's SMTP_URL as pool options. Handed to nodemailer as `{ url }`,
 * the URL replaces every other option (no pool, no connection cap, a 10-minute
 * socket timeout, file and URL access on), so it is parsed here and only what
 * it says about the server (host, port, TLS, login, `tls.*`) is taken from it;
 * the limits above win over anything in its query string.
 */
export function smtpUrlOptions(url: string): PoolOptions {
  return { ...(parseConnectionUrl(url) as PoolOptions), ...COMMON_POOL_OPTIONS };
}

function transportOptions(settings: SmtpServerSettings): PoolOptions {
  const common = COMMON_POOL_OPTIONS;
  if ("url" in settings) return smtpUrlOptions(settings.url);
  // Unencrypted SMTP only to this machine (a local relay or bridge); TLS is always verified.
  if (settings.security === "none" && !isLoopbackHost(settings.host)) {
    throw new SmtpDeliveryError("permanent", "Unencrypted SMTP is allowed only to a server on this machine. Choose TLS or STARTTLS.", { field: "security" });
  }
  return {
    ...common,
    // the name (bare for an IPv6 literal) is what TLS verifies; the socket goes to the address checked for it
    host: toBareHost(settings.host),
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    auth: { user: settings.username, pass: settings.password },
    // A server that offers no AUTH would otherwise be used without a login, and
    // then send as any From address: a user's account must check the password.
    forceAuth: true,
    getSocket: connectToCheckedServer,
  };
}

type SocketCallback = (error: Error | null, socketOptions?: { connection: net.Socket }) => void;

/**
 * nodemailer leaves Nagle's algorithm on, so each small command write waits for
 * the server's delayed ACK (a large slowdown per connection: the figures are in
 * docs/performance.md). The pool asks for
 * its sockets here: plain TCP without delay, upgraded to TLS by nodemailer as
 * configured (secure/STARTTLS, certificates verified).
 */
export function connectWithoutDelay(options: { host?: string; port?: number; secure?: boolean }, callback: SocketCallback): void {
  const socket = net.connect({ host: options.host ?? "localhost", port: options.port ?? (options.secure ? 465 : 587), noDelay: true });
  const fail = (error: Error) => {
    socket.destroy();
    callback(error);
  };
  socket.once("error", fail);
  socket.setTimeout(SMTP_CONNECT_TIMEOUT_MS, () => fail(Object.assign(new Error("Connection timeout"), { code: "ETIMEDOUT" })));
  socket.once("connect", () => {
    socket.removeListener("error", fail);
    socket.setTimeout(0);
    callback(null, { connection: socket });
  });
}

/**
 * The sockets of a user's own SMTP account: every connection of the pool
 * resolves the name again, checks each address (lib/net/mail-destination.ts)
 * and connects to the checked one, so a changed DNS answer cannot lead inside.
 */
function connectToCheckedServer(options: { host?: string; port?: number; secure?: boolean }, callback: SocketCallback): void {
  resolveMailDestination({ protocol: "smtp", host: options.host ?? "", port: options.port ?? 0 }).then(
    ({ address }) => connectWithoutDelay({ ...options, host: address }, callback),
    (error: unknown) => {
      if (!(error instanceof MailDestinationError)) logError("mail.smtp_destination_check_failed", error, { host: options.host ?? "" });
      callback(error instanceof Error ? error : new Error(String(error)));
    },
  );
}

type HandoverData = SendMailOptions & { afterviewOnHandedOver?: () => void };

/**
 * Tells the sender when the message's last byte went into the DATA stream: the
 * stream passed to the connection is the last one of the pipeline, and it is
 * only read after the server answered DATA with 354. A connection lost before
 * that point delivered nothing; after it, the message may have been delivered.
 */
function watchHandover(transporter: Transporter): void {
  transporter.use("stream", (mail, done) => {
    const onHandedOver = (mail.data as HandoverData).afterviewOnHandedOver;
    const message = mail.message as unknown as { processFunc: (fn: (stream: NodeJS.ReadableStream) => NodeJS.ReadableStream) => void };
    if (onHandedOver) {
      message.processFunc((stream) => {
        stream.once("end", onHandedOver);
        return stream;
      });
    }
    done();
  });
}

function serverWords(error: { response?: string; message?: string }): string {
  const words = (error.response || error.message || "no answer").replace(/\s+/g, " ").trim();
  return words.length > 300 ? `${words.slice(0, 297)}...` : words;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

export const SMTP_UNREACHABLE_MESSAGE =
  "Could not connect to a mail server at this server and port. Check both, and the security setting (TLS is usually port 465, STARTTLS port 587).";
export const SMTP_NO_LOGIN_MESSAGE = "This server did not ask for a login; Afterview only sends through servers that check your password.";
export const SMTP_LOGIN_REFUSED_MESSAGE = "The mail server refused the login.";
const TLS_CERTIFICATE_MESSAGE = "The mail server's TLS certificate could not be verified (or it was issued for another name).";
const NO_STARTTLS_MESSAGE = "The server does not offer STARTTLS on this port. Choose TLS (usually port 465) or check the port.";

// AUTH answered as an unknown, unimplemented or out-of-sequence command: the server has no login to offer.
const NO_AUTH_RESPONSE_CODES = new Set([500, 502, 503, 504]);
// What a logged-in server answers about the message itself.
const MESSAGE_COMMANDS = new Set(["MAIL FROM", "RCPT TO", "DATA"]);
const CERTIFICATE_ERROR = /certificate|self[- ]signed|CERT_|altnames/i;

export type SmtpSettingsField = "host" | "port" | "security" | "password";

/** A failed SMTP exchange, with the Settings field that can fix it when there is one. */
export class SmtpDeliveryError extends DeliveryError {
  readonly field: SmtpSettingsField | null;

  constructor(
    outcome: DeliveryOutcome,
    userMessage: string,
    options: { cause?: unknown; isAuthFailure?: boolean; field?: SmtpSettingsField | null } = {},
  ) {
    super(outcome, userMessage, options);
    this.name = "SmtpDeliveryError";
    this.field = options.field ?? null;
  }
}

/**
 * docs/user-guide.md "Sending: what can go wrong" lists these outcomes. Nothing the server
 * said before it accepted the login is quoted: until then the other end may be
 * any service on any host, and quoting it would let the Settings form read
 * banners. After the login, the account's own provider explaining why it
 * refused a message is worth showing.
 */
export function classifySmtpError(error: unknown, wasHandedOver: boolean): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof MailDestinationError) {
    return new SmtpDeliveryError(error.reason === "unresolved" ? "temporary" : "permanent", error.message, { cause: error, field: error.field });
  }
  const smtp = error as SmtpError;
  const code = smtp.responseCode;
  if (smtp.code === "EAUTH" && code && NO_AUTH_RESPONSE_CODES.has(code)) {
    return new SmtpDeliveryError("permanent", SMTP_NO_LOGIN_MESSAGE, { cause: error, isAuthFailure: true, field: "host" });
  }
  if (smtp.code === "EAUTH" && (!code || code >= 500)) {
    return new SmtpDeliveryError("permanent", SMTP_LOGIN_REFUSED_MESSAGE, { cause: error, isAuthFailure: true, field: "password" });
  }
  if (smtp.code === "EAUTH") {
    return new SmtpDeliveryError("temporary", "The mail server could not check the login just now and asked to try again later.", { cause: error });
  }
  if (code && MESSAGE_COMMANDS.has(smtp.command ?? "")) {
    if (code >= 500) return new SmtpDeliveryError("permanent", `The mail server refused the message: ${serverWords(smtp)}`, { cause: error });
    if (code >= 400) return new SmtpDeliveryError("temporary", `The mail server asked to try again later: ${serverWords(smtp)}`, { cause: error });
  }
  if (wasHandedOver) {
    return new SmtpDeliveryError("unknown", "The connection to the mail server was lost after the message was handed over, so it may have been delivered.", {
      cause: error,
    });
  }
  if (CERTIFICATE_ERROR.test(`${smtp.message} ${smtp.code}`)) {
    return new SmtpDeliveryError("permanent", TLS_CERTIFICATE_MESSAGE, { cause: error, field: "security" });
  }
  if (smtp.command === "STARTTLS" && code) return new SmtpDeliveryError("permanent", NO_STARTTLS_MESSAGE, { cause: error, field: "security" });
  // refused, timed out, closed, not SMTP or not TLS: alike, so the form cannot map which ports are open
  return new SmtpDeliveryError("temporary", SMTP_UNREACHABLE_MESSAGE, { cause: error, field: "host" });
}

export type SmtpTransport = MailTransport & { verify(): Promise<void>; close(): void };

export function createSmtpTransport(settings: SmtpServerSettings): SmtpTransport {
  const transporter = nodemailer.createTransport(transportOptions(settings));
  watchHandover(transporter);
  return {
    kind: "smtp",
    // one message per pooled connection: more would only wait inside the pool
    sendSlots: createSendSlots(SMTP_POOL_MAX_CONNECTIONS),
    async send(message: TransportMessage): Promise<TransportReceipt> {
      let wasHandedOver = false;
      const data: HandoverData = {
        envelope: { from: message.from, to: [message.to] },
        raw: message.raw,
        afterviewOnHandedOver: () => {
          wasHandedOver = true;
        },
      };
      let info: SMTPPool.SentMessageInfo;
      try {
        info = await transporter.sendMail(data);
      } catch (error) {
        throw classifySmtpError(error, wasHandedOver);
      }
      if ((info.rejected ?? []).length > 0) {
        throw new DeliveryError("permanent", `The mail server refused the address ${info.rejected.map(String).join(", ")}.`);
      }
      return { providerMessageId: info.response ? serverWords({ response: info.response }) : null, gmailThreadId: null };
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw classifySmtpError(error, false);
      }
    },
    close() {
      transporter.close();
    },
  };
}

import "server-only";
import net from "node:net";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { isLoopbackHost } from "@/lib/validation";
import { DeliveryError, type MailTransport, type TransportMessage, type TransportReceipt } from "./types";

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


function transportOptions(settings: SmtpServerSettings): SMTPPool.Options & { url?: string } {
  const common = {
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
  if ("url" in settings) return { ...common, url: settings.url };
  // Unencrypted SMTP only to this machine (a local relay or bridge); TLS is always verified.
  if (settings.security === "none" && !isLoopbackHost(settings.host)) {
    throw new DeliveryError("permanent", "Unencrypted SMTP is allowed only to a server on this machine. Choose TLS or STARTTLS.");
  }
  return {
    ...common,
    host: settings.host,
    port: settings.port,
    secure: settings.security === "tls",
    requireTLS: settings.security === "starttls",
    ignoreTLS: settings.security === "none",
    auth: { user: settings.username, pass: settings.password },
  };
}

type SocketCallback = (error: Error | null, socketOptions?: { connection: net.Socket }) => void;

/**
 * nodemailer leaves Nagle's algorithm on, so each small command write waits for
 * the server's delayed ACK (about 40 ms a message on one connection; measured
 * here: 22 messages/s per connection with it, 255 without). The pool asks for
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

// README "Sending: what can go wrong" lists these outcomes.
export function classifySmtpError(error: unknown, wasHandedOver: boolean): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const smtp = error as SmtpError;
  const code = smtp.responseCode;
  if (smtp.code === "EAUTH" && (!code || code >= 500)) {
    return new DeliveryError("permanent", `The mail server refused the login: ${serverWords(smtp)}`, { cause: error, isAuthFailure: true });
  }
  if (code && code >= 500) {
    return new DeliveryError("permanent", `The mail server refused the message: ${serverWords(smtp)}`, { cause: error });
  }
  if (code && code >= 400) {
    return new DeliveryError("temporary", `The mail server asked to try again later: ${serverWords(smtp)}`, { cause: error });
  }
  if (wasHandedOver) {
    return new DeliveryError(
      "unknown",
      `The connection to the mail server was lost after the message was handed over, so it may have been delivered (${serverWords(smtp)}).`,
      { cause: error },
    );
  }
  if (/certificate|self[- ]signed|CERT_|wrong version number/i.test(`${smtp.message} ${smtp.code}`)) {
    return new DeliveryError("permanent", `The mail server's TLS certificate could not be verified: ${serverWords(smtp)}`, { cause: error });
  }
  return new DeliveryError("temporary", `Could not reach the mail server: ${serverWords(smtp)}`, { cause: error });
}

export type SmtpTransport = MailTransport & { verify(): Promise<void>; close(): void };

export function createSmtpTransport(settings: SmtpServerSettings): SmtpTransport {
  const transporter = nodemailer.createTransport(transportOptions(settings));
  watchHandover(transporter);
  return {
    kind: "smtp",
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

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from "smtp-server";

/**
 * What the server does to one mail transaction (taken from `faults` at MAIL FROM):
 * - drop-before-data: closes the connection without a word at MAIL FROM;
 * - drop-after-data: reads the whole message, then closes the connection instead of answering;
 * - reply: answers `code` at MAIL FROM ("mail") or after the message ("data");
 * - slow-data: waits `ms` before accepting the message (a batch in flight, for kill tests).
 */
export type SmtpFault =
  | { kind: "drop-before-data" }
  | { kind: "drop-after-data" }
  | { kind: "reply"; at: "mail" | "data"; code: number; message?: string }
  | { kind: "slow-data"; ms: number };

export type TestSmtpServer = {
  url: string;
  port: number;
  /** messages the server answered 250 to, parsed */
  received: ParsedMail[];
  /** messages read in full, then dropped without an answer (the sender cannot know) */
  receivedUnacknowledged: ParsedMail[];
  /** faults for the next transactions, first in first out (null: a normal transaction) */
  faults: (SmtpFault | null)[];
  /** logins tried, and whether they were accepted */
  logins: { username: string; accepted: boolean }[];
  /** connections opened to the server, to show that a refused destination was never dialed */
  connections: () => number;
  /** the most connections that were open at the same time */
  peakOpenConnections: () => number;
  close: () => Promise<void>;
};

type Options = {
  /** when set, AUTH is required and only this login is accepted */
  credentials?: { username: string; password: string };
  /** false: a relay that offers no AUTH at all and takes mail from anyone */
  offersLogin?: boolean;
  /** the loopback address to listen on (IPv6 for the bracketed-literal path) */
  address?: "127.0.0.1" | "::1";
};

type ConnectionHandle = { id: string; _socket?: { destroy: () => void } };

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

// A real SMTP server on loopback that parses what it receives, with fault injection.
export async function startTestSmtpServer(options: Options = {}): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const receivedUnacknowledged: ParsedMail[] = [];
  const faults: (SmtpFault | null)[] = [];
  const logins: TestSmtpServer["logins"] = [];
  const faultBySession = new Map<string, SmtpFault | null | undefined>();
  let connections = 0;
  let openConnections = 0;
  let peakOpenConnections = 0;

  const holder: { server?: SMTPServer } = {};
  const dropConnection = (session: SMTPServerSession) => {
    const connections = (holder.server as unknown as { connections: Set<ConnectionHandle> }).connections;
    for (const connection of connections) {
      if (connection.id === session.id) connection._socket?.destroy();
    }
  };

  const serverOptions: SMTPServerOptions = {
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    disabledCommands: options.offersLogin === false ? ["STARTTLS", "AUTH"] : ["STARTTLS"],
    logger: false,
    // senders keep pooled connections open; closing waits this long for them
    closeTimeout: 1_000,
    onConnect(_session, callback) {
      connections += 1;
      openConnections += 1;
      peakOpenConnections = Math.max(peakOpenConnections, openConnections);
      callback();
    },
    onClose() {
      openConnections -= 1;
    },
    onAuth(auth, _session, callback) {
      const accepted =
        !options.credentials || (auth.username === options.credentials.username && auth.password === options.credentials.password);
      logins.push({ username: auth.username ?? "", accepted });
      if (!accepted) return callback(smtpError(535, "5.7.8 Username and Password not accepted"));
      callback(null, { user: auth.username });
    },
    onMailFrom(_address, session, callback) {
      const fault = faults.shift();
      faultBySession.set(session.id, fault);
      if (fault?.kind === "drop-before-data") return dropConnection(session);
      if (fault?.kind === "reply" && fault.at === "mail") return callback(smtpError(fault.code, fault.message ?? "Try again later"));
      callback();
    },
    onData(stream, session, callback) {
      const fault = faultBySession.get(session.id);
      faultBySession.delete(session.id);
      simpleParser(stream)
        .then(async (mail) => {
          if (fault?.kind === "drop-after-data") {
            receivedUnacknowledged.push(mail);
            return dropConnection(session);
          }
          if (fault?.kind === "reply" && fault.at === "data") return callback(smtpError(fault.code, fault.message ?? "Rejected"));
          if (fault?.kind === "slow-data") await new Promise((resolve) => setTimeout(resolve, fault.ms));
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  };
  const server = new SMTPServer(serverOptions);
  holder.server = server;
  // smtp-server emits a client's reset during a transaction as an "error" event, which
  // would be uncaught in the test process: the kill tests cause exactly that (a worker
  // killed mid-send), so it is expected; anything else still fails the run
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  const listenOn = options.address ?? "127.0.0.1";
  await new Promise<void>((resolve) => server.listen(0, listenOn, resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://${listenOn.includes(":") ? `[${listenOn}]` : listenOn}:${port}`,
    port,
    received,
    receivedUnacknowledged,
    faults,
    logins,
    connections: () => connections,
    peakOpenConnections: () => peakOpenConnections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

import { createServer, type Server, type Socket } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/test/smtp-server";
import { composeMessage, createMessageId } from "../compose";
import { createSmtpTransport, SMTP_LOGIN_REFUSED_MESSAGE, SMTP_NO_LOGIN_MESSAGE, SMTP_UNREACHABLE_MESSAGE, type SmtpTransport } from "./smtp";
import { DeliveryError } from "./types";

let server: TestSmtpServer;
let transport: SmtpTransport;

beforeAll(async () => {
  server = await startTestSmtpServer({ credentials: { username: "ada", password: "right" } });
});
afterEach(() => {
  transport?.close();
  vi.unstubAllEnvs();
});
afterAll(async () => {
  await server.close();
});

function connect(password = "right"): SmtpTransport {
  transport = createSmtpTransport({ host: "127.0.0.1", port: server.port, security: "none", username: "ada", password });
  return transport;
}

async function message(subject = "Thank you") {
  const messageId = createMessageId("ada@example.com");
  const raw = await composeMessage({
    from: { name: "Ada Lovelace", address: "ada@example.com" },
    to: { name: "Jane Doe", address: "jane@acme.test" },
    subject,
    html: "<p>Thank you.</p>",
    text: "Thank you.",
    messageId,
    inReplyTo: null,
    references: [],
    date: new Date("2026-11-20T09:00:00Z"),
  });
  return { messageId, raw, from: "ada@example.com", to: "jane@acme.test", gmailThreadId: null };
}

async function outcomeOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("SMTP transport", () => {
  it("delivers the exact approved bytes to the recipient in the envelope", async () => {
    const mail = await message();
    await connect().send(mail);
    const got = server.received.find((parsed) => parsed.messageId === mail.messageId);
    expect(got?.subject).toBe("Thank you");
    expect(got?.text?.trim()).toBe("Thank you.");
  });

  it("reports a refused login as permanent, in its own words rather than the server's", async () => {
    const error = await outcomeOf(connect("wrong").send(await message()));
    expect(error.outcome).toBe("permanent");
    expect(error.isAuthFailure).toBe(true);
    expect(error.userMessage).toBe(SMTP_LOGIN_REFUSED_MESSAGE);
  });

  it("refuses a server that offers no login, for the check and for sending", async () => {
    const relay = await startTestSmtpServer({ offersLogin: false });
    try {
      transport = createSmtpTransport({ host: "127.0.0.1", port: relay.port, security: "none", username: "ada", password: "anything" });
      const checked = await outcomeOf(transport.verify());
      expect(checked).toMatchObject({ outcome: "permanent", isAuthFailure: true, userMessage: SMTP_NO_LOGIN_MESSAGE });
      const sent = await outcomeOf(transport.send(await message()));
      expect(sent).toMatchObject({ outcome: "permanent", userMessage: SMTP_NO_LOGIN_MESSAGE });
      expect(relay.received).toEqual([]);
    } finally {
      transport.close();
      await relay.close();
    }
  });

  it("retries a 421 and gives up on a 550", async () => {
    server.faults.push({ kind: "reply", at: "mail", code: 421, message: "4.7.0 Try again later" });
    expect((await outcomeOf(connect().send(await message()))).outcome).toBe("temporary");
    server.faults.push({ kind: "reply", at: "data", code: 550, message: "5.1.1 No such user" });
    const refused = await outcomeOf(connect().send(await message()));
    expect(refused.outcome).toBe("permanent");
    expect(refused.userMessage).toContain("5.1.1 No such user");
  });

  it("treats a connection dropped before DATA as temporary: nothing was delivered", async () => {
    server.faults.push({ kind: "drop-before-data" });
    expect((await outcomeOf(connect().send(await message()))).outcome).toBe("temporary");
  });

  it("treats a connection dropped after the message was handed over as unknown", async () => {
    const before = server.receivedUnacknowledged.length;
    server.faults.push({ kind: "drop-after-data" });
    expect((await outcomeOf(connect().send(await message()))).outcome).toBe("unknown");
    expect(server.receivedUnacknowledged.length).toBe(before + 1);
  });

  it("treats a closed port as temporary", async () => {
    transport = createSmtpTransport({ host: "127.0.0.1", port: 1, security: "none", username: "ada", password: "x" });
    expect((await outcomeOf(transport.send(await message()))).outcome).toBe("temporary");
  });

  it("connects to a bracketed IPv6 literal", async () => {
    const v6 = await startTestSmtpServer({ address: "::1", credentials: { username: "ada", password: "right" } });
    try {
      transport = createSmtpTransport({ host: "[::1]", port: v6.port, security: "none", username: "ada", password: "right" });
      await transport.verify();
      expect(v6.logins).toEqual([{ username: "ada", accepted: true }]);
    } finally {
      transport.close();
      await v6.close();
    }
  });

  it("refuses a port outside the usual mail ports before connecting", async () => {
    vi.stubEnv("MAIL_ALLOWED_PORTS", "");
    const before = server.connections();
    const error = await outcomeOf(connect().verify());
    expect(error).toMatchObject({ outcome: "permanent", field: "port" });
    expect(server.connections()).toBe(before);
  });

  it("refuses an unspecified or reserved address before connecting", async () => {
    const before = server.connections();
    // 0.0.0.0 would reach this machine's test server if it were dialed
    for (const host of ["0.0.0.0", "[::]", "0"]) {
      transport = createSmtpTransport({ host, port: server.port, security: "starttls", username: "ada", password: "right" });
      expect(await outcomeOf(transport.verify()), host).toMatchObject({ outcome: "permanent", field: "host" });
      transport.close();
    }
    expect(server.connections()).toBe(before);
  });

  it("says the same about a closed port, a silent hang-up and a service that is not SMTP, quoting none of them", async () => {
    const banners: Server[] = [];
    const listen = async (onConnection: (socket: Socket) => void) => {
      const listener = createServer(onConnection);
      banners.push(listener);
      await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
      return (listener.address() as { port: number }).port;
    };
    try {
      const ports = {
        closed: 1,
        hangUp: await listen((socket) => socket.destroy()),
        imap: await listen((socket) => socket.end("* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n")),
        http: await listen((socket) => socket.end("HTTP/1.1 400 Bad Request\r\nServer: nginx/1.25.3\r\n\r\n")),
        rejecting: await listen((socket) => socket.end("554 5.7.1 secret-internal-relay.corp refuses you\r\n")),
      };
      for (const [name, port] of Object.entries(ports)) {
        transport = createSmtpTransport({ host: "127.0.0.1", port, security: "none", username: "ada", password: "right" });
        expect(await outcomeOf(transport.verify()), name).toMatchObject({ userMessage: SMTP_UNREACHABLE_MESSAGE, field: "host" });
        transport.close();
      }
      // TLS spoken to a server that answers in plain text
      transport = createSmtpTransport({ host: "127.0.0.1", port: server.port, security: "tls", username: "ada", password: "right" });
      expect(await outcomeOf(transport.verify())).toMatchObject({ userMessage: SMTP_UNREACHABLE_MESSAGE });
    } finally {
      for (const listener of banners) listener.close();
    }
  });

  it("refuses unencrypted SMTP to another machine", () => {
    expect(() => createSmtpTransport({ host: "smtp.example.com", port: 25, security: "none", username: "a", password: "b" })).toThrow(
      /only to a server on this machine/,
    );
  });

  it("refuses a header value with a line break", async () => {
    await expect(
      composeMessage({
        from: { name: "Ada", address: "ada@example.com" },
        to: { name: "Jane", address: "jane@acme.test" },
        subject: "Hello\r\nBcc: victim@example.com",
        html: "<p>x</p>",
        text: "x",
        messageId: "<a@b>",
        inReplyTo: null,
        references: [],
        date: new Date(),
      }),
    ).rejects.toThrow(/one line/);
  });
});

import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type SmtpFault, type TestSmtpServer } from "@/lib/test/smtp-server";
import { composeMessage, createMessageId } from "./compose";
import { DeliveryError } from "./transports/types";
import { sendSystemMail } from "./system-mail";
import {
  connectWithoutDelay,
  createSmtpTransport,
  SMTP_POOL_MAX_CONNECTIONS,
  SMTP_SOCKET_TIMEOUT_MS,
  smtpUrlOptions,
} from "./transports/smtp";

// SMTP_URL is read once per process (lib/env.ts), so it is set before anything reads it.
let server: TestSmtpServer;
beforeAll(async () => {
  server = await startTestSmtpServer();
  process.env.SMTP_URL = server.url;
});
afterAll(async () => {
  await server.close();
});

const SIMULTANEOUS_SENDS = 12;
// each message is held long enough that every send is in flight at once
const slowFaults = (): SmtpFault[] => Array.from({ length: SIMULTANEOUS_SENDS }, () => ({ kind: "slow-data", ms: 300 }));

async function rawMessage(index: number) {
  const messageId = createMessageId("relay@example.com");
  const raw = await composeMessage({
    from: { name: "Afterview", address: "relay@example.com" },
    to: { name: "Jane Doe", address: `jane${index}@acme.test` },
    subject: `Message ${index}`,
    html: "<p>Thank you.</p>",
    text: "Thank you.",
    messageId,
    inReplyTo: null,
    references: [],
    date: new Date("2026-11-20T09:00:00Z"),
  });
  return { raw, from: "relay@example.com", to: `jane${index}@acme.test`, gmailThreadId: null };
}

describe("the operator's SMTP_URL relay", () => {
  it("keeps the pool's limits, timeouts and file and URL lockout, taking only the server and login from the URL", () => {
    const options = smtpUrlOptions(
      "smtps://relay%40example.com:p%40ss@mail.example.com:465?pool=false&maxConnections=50&socketTimeout=600000&disableFileAccess=false&tls.rejectUnauthorized=false",
    );
    expect(options).toMatchObject({
      host: "mail.example.com",
      port: 465,
      secure: true,
      auth: { user: "relay@example.com", pass: "p@ss" },
      tls: { rejectUnauthorized: false },
      pool: true,
      maxConnections: SMTP_POOL_MAX_CONNECTIONS,
      socketTimeout: SMTP_SOCKET_TIMEOUT_MS,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
    expect(options.getSocket).toBe(connectWithoutDelay);
  });

  it("sends the outbox's messages over at most the pool's connections at once", async () => {
    server.faults.push(...slowFaults());
    const before = server.connections();
    const transport = createSmtpTransport({ url: server.url });
    try {
      const messages = await Promise.all(Array.from({ length: SIMULTANEOUS_SENDS }, (_, index) => rawMessage(index)));
      await Promise.all(messages.map((message) => transport.send(message)));
    } finally {
      transport.close();
    }
    expect(server.connections() - before).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
    expect(server.peakOpenConnections()).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
  });

  it("sends sign-in mail over at most the pool's connections at once", async () => {
    server.faults.push(...slowFaults());
    const before = server.connections();
    const received = server.received.length;
    await Promise.all(
      Array.from({ length: SIMULTANEOUS_SENDS }, (_, index) => sendSystemMail({ to: `person${index}@acme.test`, subject: "Sign in", text: "Your link" })),
    );
    expect(server.received.length - received).toBe(SIMULTANEOUS_SENDS);
    expect(server.connections() - before).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
    expect(server.peakOpenConnections()).toBeLessThanOrEqual(SMTP_POOL_MAX_CONNECTIONS);
  });

  it(`gives up on a server that stops answering after ${SMTP_SOCKET_TIMEOUT_MS / 1000} s, before a job expires, instead of nodemailer's 10 minutes`, async () => {
    // greets, then never answers EHLO
    const sockets = new Set<Socket>();
    const stalling = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.write("220 stall.test ESMTP\r\n");
    });
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
    const address = stalling.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}` });
    const started = Date.now();
    try {
      const error = await transport.send(await rawMessage(0)).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(DeliveryError);
      expect((error as DeliveryError).outcome).toBe("temporary");
      expect(Date.now() - started).toBeGreaterThanOrEqual(SMTP_SOCKET_TIMEOUT_MS - 1_000);
    } finally {
      transport.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => stalling.close(resolve));
    }
  }, SMTP_SOCKET_TIMEOUT_MS + 30_000);
});

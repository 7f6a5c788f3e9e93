import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestSmtpServer, type TestSmtpServer } from "@/lib/test/smtp-server";
import { composeMessage, createMessageId } from "../compose";
import { createSmtpTransport, type SmtpTransport } from "./smtp";
import { DeliveryError } from "./types";

let server: TestSmtpServer;
let transport: SmtpTransport;

beforeAll(async () => {
  server = await startTestSmtpServer({ credentials: { username: "ada", password: "right" } });
});
afterEach(() => {
  transport?.close();
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

  it("reports a refused login as permanent, with the server's words", async () => {
    const error = await outcomeOf(connect("wrong").send(await message()));
    expect(error.outcome).toBe("permanent");
    expect(error.isAuthFailure).toBe(true);
    expect(error.userMessage).toContain("Username and Password not accepted");
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

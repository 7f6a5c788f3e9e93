import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDevOutboxMessages } from "../mail/dev-outbox";
import { setupTestDatabase } from "../test/database";
import { startTestSmtpServer, type TestSmtpServer } from "../test/smtp-server";
import { sendMagicLink } from "./magic-link";

setupTestDatabase();

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  process.env.SMTP_URL = smtp.url;
  process.env.MAIL_FROM = "Afterview <signin@afterview.test>";
});

afterAll(async () => {
  await smtp.close();
});

describe("magic link with SMTP_URL set", () => {
  it("goes out over SMTP as HTML and text, and not to the dev outbox", async () => {
    const url = "http://localhost:3000/api/auth/callback/email?token=abc123&email=sam%40example.test";
    await sendMagicLink({ email: "sam@example.test", url });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail!.to).toMatchObject({ text: "sam@example.test" });
    expect(mail!.from?.value).toEqual([{ name: "Afterview", address: "signin@afterview.test" }]);
    expect(mail!.subject).toBe("Sign in to Afterview (localhost:3000)");
    expect(mail!.text).toContain(url);
    expect(mail!.html).toContain(url.replace(/&/g, "&amp;"));
    expect(await listDevOutboxMessages()).toEqual([]);
  });
});

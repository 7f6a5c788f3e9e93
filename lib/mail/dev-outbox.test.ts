import { describe, expect, it } from "vitest";
import { sendMagicLink } from "../auth/magic-link";
import { setupTestDatabase } from "../test/database";
import { listDevOutboxMessages } from "./dev-outbox";

setupTestDatabase();

describe("dev outbox (no SMTP_URL)", () => {
  it("keeps the sign-in email in the database, link included, newest first", async () => {
    delete process.env.SMTP_URL;
    await sendMagicLink({ email: "first@example.test", url: "http://localhost:3000/api/auth/callback/email?token=one" });
    await sendMagicLink({ email: "second@example.test", url: "http://localhost:3000/api/auth/callback/email?token=two" });
    const messages = await listDevOutboxMessages();
    expect(messages.map((message) => message.toAddress)).toEqual(["second@example.test", "first@example.test"]);
    expect(messages[1]!.text).toContain("token=one");
    expect(messages[1]!.html).toContain("Sign in to Afterview");
  });
});

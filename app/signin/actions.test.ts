import { beforeAll, describe, expect, it, vi } from "vitest";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR, SIGN_IN_LINKS_PER_CLIENT_PER_HOUR } from "@/lib/auth/sign-in-limits";
import { listDevOutboxMessages } from "@/lib/mail/dev-outbox";
import { setupTestDatabase } from "@/lib/test/database";
import { captureNavigation, nextCacheModule } from "@/lib/test/request-context";
import { signInWithEmailAction } from "./actions";

// The request the action runs in: X-Forwarded-For is the address the web server settled.
const request = vi.hoisted(() => ({ clientAddress: "192.0.2.1" }));
vi.mock("next/headers", async () => {
  const { nextHeadersModule } = await import("@/lib/test/request-context");
  return {
    ...nextHeadersModule(),
    headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "x-forwarded-for": request.clientAddress }),
  };
});
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

beforeAll(() => {
  delete process.env.SMTP_URL;
});

function submit(email: string, clientAddress: string) {
  request.clientAddress = clientAddress;
  const form = new FormData();
  form.append("email", email);
  return captureNavigation(() => signInWithEmailAction(INITIAL_ACTION_STATE, form));
}

async function linksSentTo(address: string): Promise<number> {
  return (await listDevOutboxMessages()).filter((message) => message.toAddress === address).length;
}

describe("email sign-in form", () => {
  it("sends a link and goes on to check your email", async () => {
    const outcome = await submit("first@example.test", "192.0.2.2");
    expect(outcome.redirect).toContain("/api/auth/verify-request");
    expect(await linksSentTo("first@example.test")).toBe(1);
  });

  it("once an address has had its links for the hour, says so and how long to wait, and sends nothing", async () => {
    const address = "often@example.test";
    for (let i = 0; i < SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR; i++) {
      expect((await submit(address, `192.0.2.${10 + i}`)).redirect).toContain("/api/auth/verify-request");
    }
    const refused = await submit(address, "192.0.2.30");
    expect(refused.result).toEqual({
      status: "error",
      message: "Too many sign-in links were requested for this address. Try again in 60 minutes.",
      values: { email: address },
    });
    expect(await linksSentTo(address)).toBe(SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
  });

  it("once a client has had its links for the hour, says so for any address", async () => {
    const client = "203.0.113.77";
    for (let i = 0; i < SIGN_IN_LINKS_PER_CLIENT_PER_HOUR; i++) await submit(`many-${i}@example.test`, client);
    const refused = await submit("one-more@example.test", client);
    expect(refused.result).toMatchObject({
      status: "error",
      message: "Too many sign-in links were requested from your network. Try again in 60 minutes.",
    });
    expect(await linksSentTo("one-more@example.test")).toBe(0);
  });

  it.each([`${"a".repeat(310)}@example.test`, `${"b".repeat(65)}@example.test`, "victim@[127.0.0.1]"])(
    "refuses %s as a field error, keeping what was typed",
    async (email) => {
      const outcome = await submit(email, "192.0.2.40");
      expect(outcome.result).toMatchObject({ status: "error", fieldErrors: { email: [expect.any(String)] }, values: { email } });
      expect(await listDevOutboxMessages()).toEqual(expect.not.arrayContaining([expect.objectContaining({ toAddress: email })]));
    },
  );
});

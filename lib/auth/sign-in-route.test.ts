import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { verificationTokens } from "@/lib/db/schema";
import { listDevOutboxMessages } from "@/lib/mail/dev-outbox";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { handlers, signIn } from "./config";
import { SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR, SIGN_IN_LINKS_PER_CLIENT_PER_HOUR } from "./sign-in-limits";

// Inside Next.js, headers() answers with the current request's headers, which the
// web server settled (X-Forwarded-For is the client's address): the same here,
// with the request each call below runs in.
const requestScope = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  return new AsyncLocalStorage<Headers>();
});
vi.mock("next/headers", async () => {
  const { nextHeadersModule } = await import("@/lib/test/request-context");
  return { ...nextHeadersModule(), headers: async () => new Headers(requestScope.getStore()) };
});

function requestHeaders(clientAddress: string, extra: Record<string, string> = {}): Headers {
  return new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", "x-forwarded-for": clientAddress, ...extra });
}

setupTestDatabase();

beforeAll(() => {
  // links land in the dev outbox, where they are counted
  delete process.env.SMTP_URL;
});

const ORIGIN = "http://localhost:3000";

// Auth.js's own endpoint, as a browser or a script would call it: CSRF token and cookie first.
async function postSignIn(email: string, clientAddress: string): Promise<Response> {
  const csrf = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const headers = requestHeaders(clientAddress, { "content-type": "application/x-www-form-urlencoded", cookie });
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: `${ORIGIN}/dashboard` });
  return requestScope.run(headers, () => handlers.POST(new NextRequest(`${ORIGIN}/api/auth/signin/email`, { method: "POST", headers, body })));
}

// The form's path: the server action calls signIn() inside the request.
async function signInFromForm(email: string, clientAddress: string): Promise<void> {
  await requestScope.run(requestHeaders(clientAddress), () => signIn("email", { email, redirect: false }));
}

async function countVerificationTokens(): Promise<number> {
  return (await getDb().select().from(verificationTokens)).length;
}

async function linksSentTo(address: string): Promise<number> {
  return (await listDevOutboxMessages()).filter((message) => message.toAddress === address).length;
}

describe("sign-in links are rationed per address and per client, on every path", () => {
  it("30 parallel requests for one address send at most the address's budget", async () => {
    const address = "bombed@example.test";
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => postSignIn(address, `198.51.100.${i + 1}`)));
    expect(await linksSentTo(address)).toBe(SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
    const locations = responses.map((response) => response.headers.get("location") ?? "");
    expect(locations.filter((location) => location.includes("/api/auth/verify-request"))).toHaveLength(SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
    // the rest are sent back to the sign-in page, not to a server error
    expect(locations.filter((location) => location.endsWith("/signin?error=AccessDenied"))).toHaveLength(30 - SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
  });

  it("the form's path and Auth.js's route spend from one budget per address", async () => {
    const address = "both-paths@example.test";
    for (let i = 0; i < 3; i++) await signInFromForm(address, `192.0.2.${10 + i}`);
    for (let i = 0; i < 3; i++) await postSignIn(address, `192.0.2.${20 + i}`);
    expect(await linksSentTo(address)).toBe(SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
  });

  it("counts sam+tag@ against sam@'s budget, and a different letter case as the same address", async () => {
    const sent = ["sam@example.test", "sam+1@example.test", "SAM+2@Example.test", "sam+3@example.test", "sam+4@example.test", "sam+5@example.test"];
    for (const [i, address] of sent.entries()) await postSignIn(address, `192.0.2.${40 + i}`);
    const messages = (await listDevOutboxMessages()).filter((message) => /^sam(\+\d)?@example\.test$/.test(message.toAddress));
    expect(messages).toHaveLength(SIGN_IN_LINKS_PER_ADDRESS_PER_HOUR);
    expect(messages.map((message) => message.toAddress)).not.toContain("sam+5@example.test");
  });

  it("one client is sent at most its budget of links, whatever addresses it names; other clients are still served", async () => {
    const client = "203.0.113.50";
    for (let i = 0; i < SIGN_IN_LINKS_PER_CLIENT_PER_HOUR + 3; i++) await postSignIn(`spray-${i}@example.test`, client);
    const sprayed = (await listDevOutboxMessages()).filter((message) => message.toAddress.startsWith("spray-"));
    expect(sprayed).toHaveLength(SIGN_IN_LINKS_PER_CLIENT_PER_HOUR);
    await postSignIn("someone-else@example.test", "203.0.113.51");
    expect(await linksSentTo("someone-else@example.test")).toBe(1);
  });
});

describe("Auth.js's route accepts exactly the addresses the form accepts", () => {
  const refused = [
    `${"a".repeat(310)}@example.test`,
    `${"b".repeat(65)}@example.test`,
    "victim@[127.0.0.1]",
    "victim@127.0.0.1",
    '"attacker@evil.test"@example.test',
    "victim@example.test,attacker@evil.test",
  ];

  it.each(refused)("refuses %s: no link sent, no token stored, back to the sign-in page", async (email) => {
    const [mailBefore, tokensBefore] = [(await listDevOutboxMessages()).length, await countVerificationTokens()];
    const response = await postSignIn(email, "192.0.2.200");
    expect(response.headers.get("location")).toBe(`${ORIGIN}/signin?error=AccessDenied`);
    expect(await listDevOutboxMessages()).toHaveLength(mailBefore);
    expect(await countVerificationTokens()).toBe(tokensBefore);
  });

  it("stores and mails the address in its normalized form", async () => {
    const response = await postSignIn("  Mixed.Case@Example.TEST ", "192.0.2.201");
    expect(response.headers.get("location")).toContain("/api/auth/verify-request");
    expect(await linksSentTo("mixed.case@example.test")).toBe(1);
  });
});

import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/unsubscribe/digest/[token]/route";
import { getDb } from "../db/client";
import { users } from "../db/schema";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { BAD_TOKENS_PER_CLIENT as BAD_UNSUBSCRIBE_TOKENS_PER_CLIENT } from "@/lib/rate-limit/bad-tokens";
import { buildUnsubscribeUrl, createUnsubscribeToken, readUnsubscribeToken } from "./unsubscribe-token";

setupTestDatabase();

const ONE_CLICK = { "Content-Type": "application/x-www-form-urlencoded" };

function call(handler: typeof GET, token: string, init: RequestInit & { client?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", init.client ?? "198.51.100.7");
  return handler(new Request(`http://localhost:3000/unsubscribe/digest/${token}`, { ...init, headers }), { params: Promise.resolve({ token }) });
}

async function isDigestOn(userId: string): Promise<boolean> {
  const [row] = await getDb().select({ on: users.digestEnabled }).from(users).where(eq(users.id, userId));
  return row!.on;
}

describe("digest unsubscribe link", () => {
  it("GET only asks (mail scanners fetch links): a page with the one-click form, the digest still on, nothing cached or referred", async () => {
    const user = await createTestUser({ digestEnabled: true });
    const response = await call(GET, createUnsubscribeToken(user.id));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>');
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await isDigestOn(user.id)).toBe(true);
  });

  it("POST with the RFC 8058 body turns the digest off without a session, from another origin too, and is the link in the digest", async () => {
    const user = await createTestUser({ digestEnabled: true });
    const token = new URL(buildUnsubscribeUrl(user.id)).pathname.split("/").pop()!;
    const response = await call(POST, token, { method: "POST", headers: { ...ONE_CLICK, Origin: "https://mail.example.net" }, body: "List-Unsubscribe=One-Click" });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await isDigestOn(user.id)).toBe(false);
  });

  it("POST without the one-click body is refused (400) and changes nothing", async () => {
    const user = await createTestUser({ digestEnabled: true });
    const token = createUnsubscribeToken(user.id);
    expect((await call(POST, token, { method: "POST", headers: ONE_CLICK, body: "something=else" })).status).toBe(400);
    expect((await call(POST, token, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "List-Unsubscribe=One-Click" })).status).toBe(400);
    expect((await call(POST, token, { method: "POST", headers: ONE_CLICK, body: `List-Unsubscribe=One-Click&pad=${"x".repeat(10_000)}` })).status).toBe(400);
    expect(await isDigestOn(user.id)).toBe(true);
  });

  it("a bad token answers 404 and changes nothing: another user's id under this signature, a truncated signature, no signature", async () => {
    const user = await createTestUser({ digestEnabled: true });
    const other = await createTestUser({ digestEnabled: true });
    const signature = createUnsubscribeToken(user.id).split(".").pop()!;
    for (const token of [`${other.id}.${signature}`, createUnsubscribeToken(user.id).slice(0, -2), user.id, `${user.id}.`]) {
      expect((await call(POST, token, { method: "POST", headers: ONE_CLICK, body: "List-Unsubscribe=One-Click", client: "203.0.113.50" })).status).toBe(404);
      expect((await call(GET, token, { client: "203.0.113.50" })).status).toBe(404);
    }
    expect(await isDigestOn(user.id)).toBe(true);
    expect(await isDigestOn(other.id)).toBe(true);
    expect(readUnsubscribeToken(`${other.id}.${signature}`)).toBeNull();
  });

  it("bad tokens are rate-limited per client (429 with Retry-After), while a good link from the same client still works", async () => {
    const user = await createTestUser({ digestEnabled: true });
    const client = "203.0.113.99";
    for (let attempt = 0; attempt < BAD_UNSUBSCRIBE_TOKENS_PER_CLIENT; attempt++) expect((await call(GET, `nobody.${attempt}`, { client })).status).toBe(404);
    const refused = await call(GET, "nobody.more", { client });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const good = await call(POST, createUnsubscribeToken(user.id), { method: "POST", headers: ONE_CLICK, body: "List-Unsubscribe=One-Click", client });
    expect(good.status).toBe(200);
  });
});

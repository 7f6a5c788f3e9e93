import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce, isCrossOriginPost, isUnreadableFormPost, strictTransportSecurity } from "./security-headers";

describe("content security policy", () => {
  it("runs only scripts that carry this response's nonce", () => {
    const policy = buildContentSecurityPolicy({ nonce: "abc123==", isDevelopment: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
  });

  it("allows eval only in development", () => {
    expect(buildContentSecurityPolicy({ nonce: "n", isDevelopment: true })).toContain("'unsafe-eval'");
  });

  it("makes a new, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("HSTS only when the app is served over https", () => {
  it("promises https for two years on an https APP_URL", () => {
    expect(strictTransportSecurity("https://afterview.example")).toBe("max-age=63072000; includeSubDomains");
  });

  it("says nothing on http", () => {
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });
});

describe("a cross-site post is refused with 403, not left to fail as a 500", () => {
  it("refuses a foreign or opaque Origin", () => {
    expect(isCrossOriginPost({ method: "POST", origin: "https://evil.example", host: "localhost:3000" })).toBe(true);
    expect(isCrossOriginPost({ method: "POST", origin: "null", host: "localhost:3000" })).toBe(true);
    expect(isCrossOriginPost({ method: "POST", origin: "not a url", host: "localhost:3000" })).toBe(true);
  });

  it("lets same-origin posts, posts without an Origin and reads through", () => {
    expect(isCrossOriginPost({ method: "POST", origin: "http://localhost:3000", host: "localhost:3000" })).toBe(false);
    expect(isCrossOriginPost({ method: "POST", origin: null, host: "localhost:3000" })).toBe(false);
    expect(isCrossOriginPost({ method: "GET", origin: "https://evil.example", host: "localhost:3000" })).toBe(false);
  });
});

describe("a form body that does not parse is refused with 400", () => {
  const post = (contentType: string, body: string) =>
    new Request("http://localhost:3000/signin", { method: "POST", headers: { "content-type": contentType }, body });

  it("refuses a multipart body without its boundary's parts", async () => {
    expect(await isUnreadableFormPost(post("multipart/form-data; boundary=x", "garbage"))).toBe(true);
  });

  it("lets well-formed forms and other bodies through untouched", async () => {
    const form = new FormData();
    form.append("email", "a@b.example");
    const request = new Request("http://localhost:3000/signin", { method: "POST", body: form });
    expect(await isUnreadableFormPost(request)).toBe(false);
    expect(await request.formData()).toBeInstanceOf(FormData);
    expect(await isUnreadableFormPost(post("application/x-www-form-urlencoded", "email=a%40b.example"))).toBe(false);
    expect(await isUnreadableFormPost(post("text/plain;charset=UTF-8", "[{"))).toBe(false);
  });
});

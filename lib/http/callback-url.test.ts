import { describe, expect, it } from "vitest";
import { hasInvalidCallbackUrl, isAcceptableCallbackUrl } from "./callback-url";

describe("an invalid callbackUrl is the visitor's mistake (400), checked as Auth.js checks it", () => {
  it("accepts paths and http(s) URLs", () => {
    for (const value of ["/dashboard", "/interviews/new?x=1", "http://localhost:3000/dashboard", "https://afterview.example/"]) {
      expect(isAcceptableCallbackUrl(value, "http://localhost:3000"), value).toBe(true);
    }
  });

  it("refuses other schemes and what is not a URL", () => {
    for (const value of ["javascript:alert(1)", "data:text/html,x", "not a url", "ftp://x.example/", "mailto:a@b.c"]) {
      expect(isAcceptableCallbackUrl(value, "http://localhost:3000"), value).toBe(false);
    }
  });

  it("looks at the query parameter and at the callback-url cookie", () => {
    expect(hasInvalidCallbackUrl(new Request("http://localhost:3000/api/auth/signin?callbackUrl=javascript%3Aalert(1)"))).toBe(true);
    const withCookie = new Request("http://localhost:3000/api/auth/session", {
      headers: { cookie: "a=b; authjs.callback-url=javascript%3Aalert(1)" },
    });
    expect(hasInvalidCallbackUrl(withCookie)).toBe(true);
    const secureCookie = new Request("https://x.example/api/auth/session", { headers: { cookie: "__Secure-authjs.callback-url=%%%" } });
    expect(hasInvalidCallbackUrl(secureCookie)).toBe(true);
    expect(hasInvalidCallbackUrl(new Request("http://localhost:3000/api/auth/signin?callbackUrl=%2Fdashboard"))).toBe(false);
    expect(hasInvalidCallbackUrl(new Request("http://localhost:3000/api/auth/csrf"))).toBe(false);
  });
});

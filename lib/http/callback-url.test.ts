import { describe, expect, it } from "vitest";
import { findAuthRequestProblem, hasInvalidCallbackUrl, isAcceptableCallbackUrl } from "./callback-url";

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

  it("looks at the query parameter and at the callback-url cookie", async () => {
    expect(await hasInvalidCallbackUrl(new Request("http://localhost:3000/api/auth/signin?callbackUrl=javascript%3Aalert(1)"))).toBe(true);
    const withCookie = new Request("http://localhost:3000/api/auth/session", {
      headers: { cookie: "a=b; authjs.callback-url=javascript%3Aalert(1)" },
    });
    expect(await hasInvalidCallbackUrl(withCookie)).toBe(true);
    const secureCookie = new Request("https://x.example/api/auth/session", { headers: { cookie: "__Secure-authjs.callback-url=%%%" } });
    expect(await hasInvalidCallbackUrl(secureCookie)).toBe(true);
    expect(await hasInvalidCallbackUrl(new Request("http://localhost:3000/api/auth/signin?callbackUrl=%2Fdashboard"))).toBe(false);
    expect(await hasInvalidCallbackUrl(new Request("http://localhost:3000/api/auth/csrf"))).toBe(false);
  });

  it("looks at the form body of a post, and leaves the body readable", async () => {
    const post = (body: string) =>
      new Request("http://localhost:3000/api/auth/signin/email", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });
    expect(await hasInvalidCallbackUrl(post("email=a%40b.example&callbackUrl=javascript%3Aalert(1)"))).toBe(true);
    const fine = post("email=a%40b.example&callbackUrl=%2Fdashboard");
    expect(await hasInvalidCallbackUrl(fine)).toBe(false);
    expect((await fine.formData()).get("email")).toBe("a@b.example");
  });
});

describe("what Auth.js would call a server configuration error is the visitor's 404 or 400", () => {
  const problem = (url: string) => findAuthRequestProblem(new Request(url), ["email"]);

  it("answers 404 for a sign-in method that does not exist", async () => {
    expect(await problem("http://localhost:3000/api/auth/signin/github")).toMatchObject({ status: 404 });
    expect(await problem("http://localhost:3000/api/auth/callback/%0d%0a")).toMatchObject({ status: 404 });
    expect(await problem("http://localhost:3000/api/auth/signin/email")).toBeNull();
  });

  it("answers 400 for an error code that is not a plain word", async () => {
    expect(await problem("http://localhost:3000/api/auth/error?error=Verification%0d%0aSet-Cookie:x=1")).toMatchObject({ status: 400 });
    expect(await problem("http://localhost:3000/api/auth/error?error=Verification")).toBeNull();
  });
});

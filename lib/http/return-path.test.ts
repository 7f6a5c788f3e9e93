import { describe, expect, it } from "vitest";
import { toSafeReturnPath } from "./return-path";

describe("a return path is followed only when it stays on this site", () => {
  it("keeps a relative path with its query and fragment", () => {
    expect(toSafeReturnPath("/drafts/8f0c2d6e-0000-4000-8000-000000000000")).toBe("/drafts/8f0c2d6e-0000-4000-8000-000000000000");
    expect(toSafeReturnPath("/interviews?tab=past#top")).toBe("/interviews?tab=past#top");
  });

  it.each([
    ["an absolute URL", "https://evil.example/drafts/1"],
    ["a protocol-relative URL", "//evil.example/drafts/1"],
    ["a backslash the browser reads as a slash", "/\\evil.example"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a path without its leading slash", "drafts/1"],
    ["a line break (header splitting)", "/drafts/1\r\nSet-Cookie: a=b"],
    ["a tab inside the host part", "/\t/evil.example"],
    ["nothing", ""],
    ["an overlong value", `/${"a".repeat(2001)}`],
  ])("falls back to the dashboard for %s", (_label, value) => {
    expect(toSafeReturnPath(value)).toBe("/dashboard");
  });

  it("uses the caller's fallback when given one", () => {
    expect(toSafeReturnPath(undefined, "/settings")).toBe("/settings");
  });
});

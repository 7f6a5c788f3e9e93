import { describe, expect, it } from "vitest";
import { signInAddressSchema } from "./schemas";

function messagesFor(address: string): string[] {
  const parsed = signInAddressSchema.safeParse(address);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

describe("a sign-in address", () => {
  it("is trimmed and lower-cased", () => {
    expect(signInAddressSchema.parse("  Sam.Lee+jobs@Example.COM ")).toBe("sam.lee+jobs@example.com");
  });

  it("has at most 64 characters before the @", () => {
    expect(messagesFor(`${"a".repeat(64)}@example.com`)).toEqual([]);
    expect(messagesFor(`${"a".repeat(65)}@example.com`)).toEqual(["The part before the @ can have at most 64 characters"]);
  });

  it("has at most 254 characters in all", () => {
    expect(messagesFor(`${"a".repeat(310)}@example.com`)).toEqual(["An email address has at most 254 characters"]);
  });

  it("is at a domain name, never an IP address", () => {
    for (const address of ["victim@[127.0.0.1]", "victim@[IPv6:::1]", "victim@127.0.0.1"]) {
      expect(messagesFor(address), address).toEqual(["Enter a valid email address, like you@example.com"]);
    }
  });

  it("is one address: no quotes, no second @, no list", () => {
    for (const address of ['"attacker@evil.test"@example.com', "a@b@example.com", "victim@example.com,attacker@evil.test", "ｖictim＠example.com"]) {
      expect(messagesFor(address), address).toEqual(["Enter a valid email address, like you@example.com"]);
    }
  });
});

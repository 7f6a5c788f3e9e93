import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto";

describe("secrets at rest", () => {
  it("round-trips a secret and never stores it in clear", () => {
    const sealed = encryptSecret("ya29.refresh-token-value");
    expect(sealed).not.toContain("refresh-token");
    expect(decryptSecret(sealed)).toBe("ya29.refresh-token-value");
  });

  it("uses a fresh IV each time", () => {
    expect(encryptSecret("same")).not.toBe(encryptSecret("same"));
  });

  it("refuses a tampered value", () => {
    const [version, iv, tag, body] = encryptSecret("secret").split(":");
    const flipped = Buffer.from(body!, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptSecret([version, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
    expect(() => decryptSecret("plain-text")).toThrow(/Not an encrypted secret/);
  });
});

import { describe, expect, it } from "vitest";
import { smtpSettingsInputSchema } from "./smtp-schema";

function errorsOf(overrides: Record<string, string>) {
  const result = smtpSettingsInputSchema.safeParse({
    host: "127.0.0.1",
    port: "2525",
    security: "none",
    username: "ada",
    password: "right",
    fromAddress: "ada@example.com",
    fromName: "Ada Lovelace",
    ...overrides,
  });
  return Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? []);
}

describe("smtpSettingsInputSchema", () => {
  it("refuses an RFC 2047 encoded word in the sender name, which goes into From", () => {
    expect(errorsOf({ fromName: "=?utf-8?Q?Ada=0D=0ABcc:victim@example.com?=" }).fromName).toMatch(/=\?\.\.\.\?=/);
    expect(errorsOf({ fromName: "Ada\u0000" }).fromName).toMatch(/control character/);
  });

  it("refuses NUL in the password, which separates the fields of an AUTH PLAIN login", () => {
    expect(errorsOf({ password: "right\u0000admin" }).password).toMatch(/control character/);
    expect(errorsOf({ password: "tab\tand spaces are fine" })).toEqual({});
  });
});

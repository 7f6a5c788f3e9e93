import { describe, expect, it } from "vitest";
import { UserFacingError } from "@/lib/errors";
import { composeMessage, type ComposeInput } from "./compose";

function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    from: { name: "Ada Lovelace", address: "ada@example.com" },
    to: { name: "Jane Doe", address: "jane@acme.test" },
    subject: "Thank you",
    html: "<p>Thank you.</p>",
    text: "Thank you.",
    messageId: "<a@example.com>",
    inReplyTo: null,
    references: [],
    date: new Date("2026-11-20T09:00:00Z"),
    ...overrides,
  };
}

describe("composeMessage", () => {
  it.each([
    ["subject", { subject: "=?utf-8?Q?Hi=0D=0ABcc:victim@example.com?=" }],
    ["sender name", { from: { name: "=?UTF-8?B?QWRhDQpCY2M6IHhAeS56?=", address: "ada@example.com" } }],
    ["recipient name", { to: { name: "Jane =?iso-8859-1?q?x=0A?=", address: "jane@acme.test" } }],
  ])("refuses an RFC 2047 encoded word in the %s, even when stored before the forms refused it", async (label, overrides) => {
    const refused = await composeMessage(input(overrides)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as Error).message).toContain(`the ${label} cannot contain "=?...?="`);
  });

  it("refuses NUL and other control characters in a header value", async () => {
    await expect(composeMessage(input({ subject: "Thank you\u0000" }))).rejects.toThrow(/control character/);
    await expect(composeMessage(input({ to: { name: "Jane\u2028Bcc: x@y.z", address: "jane@acme.test" } }))).rejects.toThrow(/one line/);
  });

  it("still encodes a name with accents itself, as its own encoded words", async () => {
    const raw = (await composeMessage(input({ to: { name: "Zoë Müller", address: "zoe@acme.test" } }))).toString();
    expect(raw).toMatch(/^To: =\?UTF-8\?Q\?Zo=C3=AB_M=C3=BCller\?= <zoe@acme\.test>$/m);
  });
});

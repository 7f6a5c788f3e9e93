import { describe, expect, it } from "vitest";
import { findTextProblem, multiLine, requiredLine, singleLine } from "./text";

function errorOf(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, value: string) {
  const result = schema.safeParse(value);
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe("text fields", () => {
  it.each([
    ["Q-encoded CR LF", "=?utf-8?Q?Hello=0D=0ABcc:victim@example.com?="],
    ["B-encoded", "=?UTF-8?B?SGVsbG8NCkJjYzogdmljdGltQGV4YW1wbGUuY29t?="],
    ["lower-case encoding, another charset", "Thanks =?iso-8859-1?q?J=F6rg?= for your time"],
    ["a charset with a language", "=?us-ascii*en?Q?x=0Ay?="],
    ["whitespace inside, for lenient decoders", "=?utf-8?Q?a b=0D=0A?="],
  ])("one line refuses an RFC 2047 encoded word (%s), which a mail client decodes inside a header", (_label, value) => {
    expect(errorOf(singleLine("Subject", 200), value)).toMatch(/Subject cannot contain "=\?\.\.\.\?="/);
    expect(findTextProblem(value, "line")).not.toBeNull();
  });

  it("one line accepts the parts of an encoded word that are not one", () => {
    expect(singleLine("Subject", 200).parse("What = ? Q & A")).toBe("What = ? Q & A");
    expect(singleLine("Subject", 200).parse("Is 2+2=4? Yes?")).toBe("Is 2+2=4? Yes?");
  });

  it.each([
    ["CR LF", "Acme\r\nBcc: x@example.com", /one line/],
    ["a bare LF", "Acme\nInc", /one line/],
    ["NEL", "Acme\u0085Inc", /one line/],
    ["a Unicode line separator", "Acme\u2028Inc", /one line/],
    ["NUL", "Acme\u0000", /control character/],
    ["a tab", "Acme\tInc", /control character/],
    ["ESC", "Acme\u001b[31m", /control character/],
    ["DEL", "Acme\u007f", /control character/],
    ["a C1 control", "Acme\u009bInc", /control character/],
  ])("one line refuses %s", (_label, value, message) => {
    expect(errorOf(singleLine("Company", 120), value)).toMatch(message);
    expect(errorOf(requiredLine("Company", 120), value)).toMatch(message);
  });

  it("text of several lines refuses NUL and other controls but keeps tabs and the browser's CR LF", () => {
    expect(errorOf(multiLine("Notes", 4000), "We talked\u0000")).toMatch(/Notes contains an invisible control character/);
    expect(errorOf(multiLine("Notes", 4000), "bell\u0007")).toMatch(/control character/);
    expect(multiLine("Notes", 4000).parse("Line one\r\n\tindented\nline three")).toBe("Line one\r\n\tindented\nline three");
    // notes are never a header: an encoded word in them is just text
    expect(multiLine("Notes", 4000).parse("=?utf-8?Q?x?=")).toBe("=?utf-8?Q?x?=");
  });

  it("keeps accented letters, emoji and other scripts", () => {
    expect(singleLine("Name", 120).parse("  Zoë Ñúñez 李雷 🙂  ")).toBe("Zoë Ñúñez 李雷 🙂");
  });
});

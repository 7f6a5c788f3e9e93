import { describe, expect, it } from "vitest";
import { draftInputSchema } from "./draft-schema";

const STEP_ID = "6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5";

function errorsOf(subject: string, body: string) {
  const result = draftInputSchema.safeParse({ stepId: STEP_ID, subject, body });
  return Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? []);
}

describe("draftInputSchema", () => {
  it("refuses an RFC 2047 encoded word in the subject, which mail clients decode to CR LF", () => {
    expect(errorsOf("=?utf-8?Q?Thanks=0D=0ABcc:victim@example.com?=", "Hello").subject).toMatch(/=\?\.\.\.\?=/);
    expect(errorsOf("=?UTF-8?B?VGhhbmtzDQpCY2M6IHhAeS56?=", "Hello").subject).toMatch(/=\?\.\.\.\?=/);
  });

  it("refuses line breaks and control characters in the subject, and NUL in the message", () => {
    expect(errorsOf("Thanks\r\nBcc: x@y.z", "Hello").subject).toMatch(/one line/);
    expect(errorsOf("Thanks\u0000", "Hello").subject).toMatch(/control character/);
    expect(errorsOf("Thanks", "Hello\u0000").body).toMatch(/control character/);
  });

  it("keeps a message of several lines with the browser's CR LF", () => {
    expect(draftInputSchema.parse({ stepId: STEP_ID, subject: "Thanks", body: "Dear Jane,\r\n\r\nThank you." }).body).toBe("Dear Jane,\r\n\r\nThank you.");
  });
});

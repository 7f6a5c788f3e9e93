import { describe, expect, it } from "vitest";
import { checkContact } from "./contact";
import { makeInput, wrapBody } from "@/lib/test/checks-fixtures";

describe('docs/rules.md "Message checks": contact: "no way to reach the candidate (signature with email or phone)"', () => {
  it.each([
    ["an email in the body", wrapBody("Write to jo.mueller@example.com anytime."), ""],
    ["an email only in the signature", wrapBody("Thanks."), "Jo Müller\njo@example.co.uk"],
    ["an international phone number", wrapBody("Call me on +49 30 1234 5678."), ""],
    ["a phone number with parentheses and a dash", wrapBody("Thanks."), "Jo\n(030) 123-4567"],
    ["a US phone number with dots", wrapBody("Reach me at 415.555.0134."), ""],
    ["an accented email address", wrapBody("Write to zoë@exämple.de."), ""],
  ])("passes with %s", (_label, body, signature) => {
    expect(checkContact(makeInput({ body, signature })).severity).toBe("pass");
  });

  it.each([
    ["nothing at all", wrapBody("Thanks."), ""],
    ["a signature with only a name", wrapBody("Thanks."), "Best regards,\nJo Müller"],
    ["a date that is all digits", wrapBody("We spoke on 2025-11-14 and 14.11.2025."), ""],
    ["a year range", wrapBody("I worked there 2019-2024."), "Jo"],
    ["a short number", wrapBody("Room 1234, floor 3."), ""],
    ["a spelled-out address", wrapBody("jo at example dot com"), ""],
    ["a profile link only", wrapBody("See https://linkedin.com/in/jo."), ""],
    ["digits inside a URL", wrapBody("The posting: https://acme.com/jobs/12345678"), ""],
  ])("warns with %s", (_label, body, signature) => {
    const result = checkContact(makeInput({ body, signature }));
    expect(result.severity).toBe("warn");
    expect(result.findings[0]?.message).toBe(
      "There is no email address or phone number in the message or your signature; add one so they can reach you.",
    );
  });
});

import { MAX_PHONE_DIGITS, MIN_PHONE_DIGITS } from "./constants";
import { makeResult } from "./result";
import { maskProtectedSpans } from "./text";
import type { CheckResult, DraftCheckInput } from "./types";

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;
const PHONE_CANDIDATE = /\+?\(?\d[\d\s().\/-]*\d/g;
/** Digit runs that are dates or year ranges, not phone numbers: "2025-11-14", "14.11.2025", "2019-2024". */
const NOT_A_PHONE = [
  /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/,
  /^\d{4}\s*[-/]\s*\d{4}$/,
];

export function hasEmailAddress(text: string): boolean {
  return EMAIL.test(text);
}

/** A phone number has 7 to 15 digits (E.164 allows 15), written with spaces, dashes, dots, "+" or parentheses. */
export function hasPhoneNumber(text: string): boolean {
  // Digits inside a URL ("/jobs/12345678") are not a phone number.
  for (const match of maskProtectedSpans(text).matchAll(PHONE_CANDIDATE)) {
    const candidate = match[0].trim();
    const digits = candidate.replace(/\D/g, "").length;
    if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS) continue;
    if (NOT_A_PHONE.some((pattern) => pattern.test(candidate))) continue;
    return true;
  }
  return false;
}

/**
 * docs/rules.md "Message checks": contact: "no way to reach the candidate (signature with email or phone)".
 * docs/rules.md "The thank-you": "contact details and an invitation to reach out".
 */
export function checkContact(input: DraftCheckInput): CheckResult {
  const text = `${input.body}\n${input.signature}`;
  if (hasEmailAddress(text) || hasPhoneNumber(text)) return makeResult("contact", []);
  return makeResult("contact", [
    { message: "There is no email address or phone number in the message or your signature; add one so they can reach you." },
  ]);
}

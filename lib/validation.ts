import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { toCanonicalTimeZone, UNKNOWN_TIME_ZONE_MESSAGE } from "./time-zones";
import { refuseTextProblems } from "./validation/text";

// Single-line fields end up in mail headers and calendar summaries: CR/LF,
// control characters and encoded words are refused (lib/validation/text.ts).
const LINE_BREAK = /[\r\n]/;

export { multiLine, requiredLine, singleLine } from "./validation/text";
export { toInstant } from "./validation/dates";

export const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .refine((value) => !LINE_BREAK.test(value), "Email must be on one line")
  .refine((value) => value === "" || z.email().safeParse(value).success, "Enter a valid email address, like jane@example.com");

export const optionalHttpUrl = z
  .string()
  .trim()
  .max(2000)
  // new URL() accepts a NUL in the path, and the link is stored as typed
  .superRefine(refuseTextProblems("The link", "line"))
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full link starting with https://");

export function isValidTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

// docs/rules.md "Calendar events": an old name (Asia/Calcutta, as browsers
// still report it) is saved as the current one (Asia/Kolkata).
export const timeZoneSchema = z
  .string()
  .trim()
  .transform((zone, context) => {
    const canonical = toCanonicalTimeZone(zone);
    if (canonical) return canonical;
    context.addIssue({ code: "custom", message: UNKNOWN_TIME_ZONE_MESSAGE });
    return z.NEVER;
  });

export const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("")])
  .optional()
  .transform((value) => value === "on" || value === "true");

export function toLocalInput(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** "This machine": the only place a mail server may be reached without TLS. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.trim().toLowerCase().replace(/^\[|\]$/g, "");
  return bare === "localhost" || bare === "::1" || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/** A host name or an IP address (bracketed IPv6 allowed), as a mail server setting. */
export const MAIL_HOST_PATTERN = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[?[0-9A-Fa-f:.]+\]?)$/;

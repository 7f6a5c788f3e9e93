import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { hasEmailAddress, hasPhoneNumber } from "@/lib/drafts/checks/contact";
import { toSafeReturnPath } from "@/lib/http/return-path";
import { checkbox, multiLine, requiredLine } from "@/lib/validation";

// docs/rules.md "Before your first draft": a draft is signed with the user's
// name and ends with a way to reach them, so both are asked for once, before
// the first draft is written, instead of signing with the email's local part.

const MAX_DISPLAY_NAME_LENGTH = 120;
const MAX_SIGNATURE_LENGTH = 1000;

export function hasContactLine(signature: string): boolean {
  return hasEmailAddress(signature) || hasPhoneNumber(signature);
}

/** The first-run form is due while the name is empty or the signature gives no email or phone. */
export function needsFirstRunDetails({ displayName, signature }: { displayName: string; signature: string }): boolean {
  return displayName.trim() === "" || !hasContactLine(signature);
}

/**
 * What the form offers under the name, so one click accepts: the lines of the
 * signature so far (without the name) and the sign-in email; null when the
 * signature already gives a way to reach them and is offered as it is.
 */
export function proposeContactLines({ displayName, signature, email }: { displayName: string; signature: string; email: string | null }): string | null {
  if (hasContactLine(signature)) return null;
  const name = displayName.trim();
  const lines = signature.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && line !== name);
  if (email) lines.push(email);
  return lines.join("\n");
}

export const firstRunInputSchema = z.object({
  displayName: requiredLine("Your name", MAX_DISPLAY_NAME_LENGTH),
  signature: multiLine("Signature", MAX_SIGNATURE_LENGTH).refine(
    hasContactLine,
    "Add an email address or a phone number, so the interviewer can reach you",
  ),
  // docs/rules.md "Morning digest": offered here, unticked; absent from the form is off
  digestEnabled: checkbox,
  // where the user was going; anything but a path on this site goes to the dashboard
  returnTo: z.string().max(4000).default("").transform((value) => toSafeReturnPath(value)),
});

export type FirstRunInput = z.output<typeof firstRunInputSchema>;

// Name, signature and the digest opt-in: nothing here moves a proposed time, so no re-plan.
// A caller without the digest choice leaves it as it was.
export async function saveFirstRunDetails({
  userId,
  input,
}: {
  userId: string;
  input: Pick<FirstRunInput, "displayName" | "signature"> & { digestEnabled?: boolean };
}) {
  await db
    .update(users)
    .set({ displayName: input.displayName, signature: input.signature, ...(input.digestEnabled ? { digestEnabled: true } : {}) })
    .where(eq(users.id, userId));
}

import { z } from "zod";
import { refuseTextProblems } from "@/lib/validation/text";

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_BODY_LENGTH = 10_000;

// The subject becomes a mail header: one line, without control characters or
// encoded words (lib/validation/text.ts). The body may not carry NUL, which
// Postgres refuses.
export const draftInputSchema = z.object({
  stepId: z.uuid("Unknown draft"),
  subject: z
    .string()
    .trim()
    .min(1, "Write a subject")
    .max(MAX_SUBJECT_LENGTH, `At most ${MAX_SUBJECT_LENGTH} characters`)
    .superRefine(refuseTextProblems("The subject", "line")),
  body: z
    .string()
    .trim()
    .min(1, "Write the message")
    .max(MAX_BODY_LENGTH, `At most ${MAX_BODY_LENGTH} characters`)
    .superRefine(refuseTextProblems("The message", "text")),
});

import { z } from "zod";

export const emailSignInSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email("Enter a valid email address, like you@example.com")),
});

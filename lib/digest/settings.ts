import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { checkbox } from "@/lib/validation";

// docs/rules.md "Morning digest": the Settings panel's fields. Unchecked boxes are absent from the form.
export const digestSettingsInputSchema = z
  .object({
    digestEnabled: checkbox,
    digestHour: z.coerce
      .number({ message: "Choose an hour" })
      .int("Choose an hour")
      .min(0, "Choose an hour between 00:00 and 23:00")
      .max(23, "Choose an hour between 00:00 and 23:00"),
    // ISO weekdays, 1 = Monday; one checkbox each, so one ticked box arrives as a string and none as nothing
    digestWeekdays: z
      .preprocess(
        (value) => (value === undefined || value === "" ? [] : [value].flat()),
        z.array(z.coerce.number().int().min(1, "Not a day of the week").max(7, "Not a day of the week")).max(7),
      )
      .transform((days) => [...new Set(days)].sort()),
    digestWeeklyIdle: checkbox,
  })
  .refine((input) => !input.digestEnabled || input.digestWeekdays.length > 0, {
    message: "Choose at least one day, or turn the digest off",
    path: ["digestWeekdays"],
  });

export type DigestSettingsInput = z.output<typeof digestSettingsInputSchema>;

export async function getDigestSettings({ userId }: { userId: string }) {
  const [row] = await db
    .select({
      digestEnabled: users.digestEnabled,
      digestHour: users.digestHour,
      digestWeekdays: users.digestWeekdays,
      digestWeeklyIdle: users.digestWeeklyIdle,
      hasEmail: users.email,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new NotFoundError("User not found");
  return { ...row, hasEmail: row.hasEmail !== null };
}

export async function updateDigestSettings({ userId, input }: { userId: string; input: DigestSettingsInput }): Promise<void> {
  const changed = await db.update(users).set(input).where(eq(users.id, userId)).returning({ id: users.id });
  if (changed.length === 0) throw new NotFoundError("User not found");
}

/** The unsubscribe link's one effect: the digest off, nothing else. False when there is no such user. */
export async function turnOffDigest({ userId }: { userId: string }): Promise<boolean> {
  const changed = await db.update(users).set({ digestEnabled: false }).where(eq(users.id, userId)).returning({ id: users.id });
  return changed.length === 1;
}

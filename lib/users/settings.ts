import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { multiLine, singleLine, timeZoneSchema } from "@/lib/validation";

export const DEFAULT_TIME_ZONE = "UTC";
export const DEFAULT_SEND_HOUR = 9;

export const settingsInputSchema = z.object({
  displayName: singleLine("Display name", 120),
  timeZone: timeZoneSchema,
  sendHour: z.coerce
    .number({ message: "Choose an hour" })
    .int()
    .min(7, "Send hour must be between 07:00 and 21:00")
    .max(21, "Send hour must be between 07:00 and 21:00"),
  signature: multiLine("Signature", 1000),
});

export type SettingsInput = z.output<typeof settingsInputSchema>;

export async function getUserSettings({ userId }: { userId: string }) {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      displayName: users.displayName,
      timeZone: users.timeZone,
      sendHour: users.sendHour,
      signature: users.signature,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new NotFoundError("User not found");
  return {
    ...row,
    displayName: row.displayName ?? row.name ?? "",
    timeZone: row.timeZone ?? DEFAULT_TIME_ZONE,
    hasDetectedTimeZone: row.timeZone !== null,
  };
}

export type UserSettings = Awaited<ReturnType<typeof getUserSettings>>;

export async function updateUserSettings({ userId, input }: { userId: string; input: SettingsInput }) {
  await db
    .update(users)
    .set({ ...input, displayName: input.displayName || null })
    .where(eq(users.id, userId));
}

// First sign-in: the browser's zone, only if the user has not set one yet.
export async function setDetectedTimeZone({ userId, timeZone }: { userId: string; timeZone: string }) {
  await db
    .update(users)
    .set({ timeZone })
    .where(and(eq(users.id, userId), isNull(users.timeZone)));
}

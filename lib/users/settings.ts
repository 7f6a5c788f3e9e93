import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { listUserInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { multiLine, singleLine, timeZoneSchema } from "@/lib/validation";


export const settingsInputSchema = z.object({
  displayName: singleLine("Display name", 120),
  timeZone: timeZoneSchema,
  sendHour: z.coerce
    .number({ message: "Choose an hour" })
    .int()
    .min(7, "Send hour must be between 07:00 and 21:00")
    .max(21, "Send hour must be between 07:00 and 21:00"),
  signature: multiLine("Signature", 1000),
  postalAddress: multiLine("Postal address", 500),
});

export const personalWordSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}][\p{L}\p{M}'’-]{0,39}$/u, "Only a single word can be added to the dictionary");

export type SettingsInput = z.output<typeof settingsInputSchema>;

// Read once per request (layout and page both need it).
export const getUserSettings = cache(async function getUserSettings({ userId }: { userId: string }) {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      displayName: users.displayName,
      timeZone: users.timeZone,
      sendHour: users.sendHour,
      signature: users.signature,
      postalAddress: users.postalAddress,
      personalWords: users.personalWords,
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
});

export type UserSettings = Awaited<ReturnType<typeof getUserSettings>>;

// The zone and send hour move every proposed time: re-plan the user's interviews.
export async function updateUserSettings({ userId, input, now }: { userId: string; input: SettingsInput; now: Date }) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, displayName: input.displayName || null })
      .where(eq(users.id, userId));
    await syncInterviewPlans(tx, { userId, interviewIds: await listUserInterviewIds(tx, userId), now });
  });
}

// "Add to dictionary": the spelling check accepts the word from now on.
export async function addPersonalWord({ userId, word }: { userId: string; word: string }) {
  await db
    .update(users)
    .set({ personalWords: sql`array_append(${users.personalWords}, ${word}::text)` })
    .where(and(eq(users.id, userId), sql`not (${word}::text = any(${users.personalWords}))`));
}

// First sign-in: the browser's zone, only if the user has not set one yet.
export async function setDetectedTimeZone({ userId, timeZone, now }: { userId: string; timeZone: string; now: Date }) {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(users)
      .set({ timeZone })
      .where(and(eq(users.id, userId), isNull(users.timeZone)))
      .returning({ id: users.id });
    if (changed.length) await syncInterviewPlans(tx, { userId, interviewIds: await listUserInterviewIds(tx, userId), now });
  });
}

import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { listUserInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";
import { readStoredTimeZone } from "@/lib/time-zones";
import { checkbox, multiLine, singleLine, timeZoneSchema } from "@/lib/validation";


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
  // docs/rules.md "Network invitation": unchecked (absent from the form) is off
  includeNetworkInvite: checkbox,
});

/** The personal dictionary is read on every draft check: it stays small. */
export const MAX_PERSONAL_WORDS = 500;
export const MAX_PERSONAL_WORD_LENGTH = 40;

export const personalWordSchema = z
  .string()
  .trim()
  .max(MAX_PERSONAL_WORD_LENGTH, `A word for the dictionary is at most ${MAX_PERSONAL_WORD_LENGTH} letters long`)
  .regex(/^[\p{L}][\p{L}\p{M}'’-]*$/u, "Only a single word can be added to the dictionary");

export type SettingsInput = z.output<typeof settingsInputSchema>;

// Read once per request (layout, page and the first-run gate all need it).
// React's cache compares arguments by identity, so it is keyed by the id: the
// { userId } object each caller builds would miss every time.
const readUserSettings = cache(async function readUserSettings(userId: string) {
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
      includeNetworkInvite: users.includeNetworkInvite,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new NotFoundError("User not found");
  return {
    ...row,
    displayName: row.displayName ?? row.name ?? "",
    // a zone saved under an old name (Asia/Calcutta) shows as its current one in the picker
    timeZone: readStoredTimeZone(row.timeZone),
    hasDetectedTimeZone: row.timeZone !== null,
  };
});

export function getUserSettings({ userId }: { userId: string }) {
  return readUserSettings(userId);
}

export type UserSettings = Awaited<ReturnType<typeof getUserSettings>>;

// The zone and send hour move every proposed time: re-plan the user's interviews.
// A caller without the invitation choice (a seed script) leaves it as it was.
type SettingsUpdate = Omit<SettingsInput, "includeNetworkInvite"> & { includeNetworkInvite?: boolean };

export async function updateUserSettings({ userId, input, now }: { userId: string; input: SettingsUpdate; now: Date }) {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...input, displayName: input.displayName || null })
      .where(eq(users.id, userId));
    await syncInterviewPlans(tx, { userId, interviewIds: await listUserInterviewIds(tx, userId), now });
  });
}

// "Add to dictionary": the spelling check accepts the word from now on. The
// size check is in the same statement as the append, so two tabs adding at
// once cannot pass the cap together.
export async function addPersonalWord({ userId, word }: { userId: string; word: string }) {
  const [row] = await db
    .update(users)
    .set({
      personalWords: sql`case
        when ${word}::text = any(${users.personalWords}) then ${users.personalWords}
        else array_append(${users.personalWords}, ${word}::text) end`,
    })
    .where(and(eq(users.id, userId), sql`(${word}::text = any(${users.personalWords}) or cardinality(${users.personalWords}) < ${MAX_PERSONAL_WORDS})`))
    .returning({ id: users.id });
  if (!row) {
    throw new UserFacingError(
      `Your dictionary is full (${MAX_PERSONAL_WORDS} words), so "${word}" was not added. Ignore the spelling note, or write the word another way.`,
    );
  }
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

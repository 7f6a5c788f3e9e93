import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isHolidayCountry, isHolidayRegion } from "@/lib/plan/holidays";
import { listUserInterviewIds, syncInterviewPlans } from "@/lib/plan/sync";

// An empty choice ("None", "Whole country") arrives as "" or not at all.
const optionalCode = z
  .string()
  .trim()
  .max(10, "Choose from the list")
  .optional()
  .transform((value) => (value ? value : null));

// docs/rules.md "Public holidays": a country and region only from date-holidays'
// own lists, so the plan never meets a place the library cannot compute.
export const holidaySettingsSchema = z
  .object({ holidayCountry: optionalCode, holidayRegion: optionalCode })
  .superRefine(({ holidayCountry, holidayRegion }, context) => {
    if (holidayCountry !== null && !isHolidayCountry(holidayCountry)) {
      context.addIssue({ code: "custom", path: ["holidayCountry"], message: "Choose a country from the list, or None" });
      return;
    }
    if (holidayRegion === null) return;
    if (holidayCountry === null) {
      context.addIssue({ code: "custom", path: ["holidayRegion"], message: "Choose a country before a state or region" });
    } else if (!isHolidayRegion(holidayCountry, holidayRegion)) {
      context.addIssue({ code: "custom", path: ["holidayRegion"], message: "Choose a state or region of that country from the list" });
    }
  });

export type HolidaySettings = z.output<typeof holidaySettingsSchema>;

// isChosen: the user saved this setting once (even "None"), so the page stops suggesting a country
export async function getHolidaySettings({ userId }: { userId: string }): Promise<HolidaySettings & { isChosen: boolean }> {
  const [row] = await db
    .select({
      holidayCountry: users.holidayCountry,
      holidayRegion: users.holidayRegion,
      isChosen: sql<boolean>`${users.holidaysChosenAt} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row) throw new NotFoundError("User not found");
  return row;
}

// docs/rules.md "Public holidays": a new country or region moves pending steps
// at once, the same re-plan as a change of zone or send hour.
export async function updateHolidaySettings({ userId, input, now }: { userId: string; input: HolidaySettings; now: Date }) {
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ holidayCountry: input.holidayCountry, holidayRegion: input.holidayRegion, holidaysChosenAt: now })
      .where(eq(users.id, userId))
      .returning({ id: users.id });
    if (!changed) throw new NotFoundError("User not found");
    await syncInterviewPlans(tx, { userId, interviewIds: await listUserInterviewIds(tx, userId), now });
  });
}

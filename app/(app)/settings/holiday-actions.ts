"use server";

import { createFormAction } from "@/lib/actions/create-action";
import { holidaySettingsSchema, updateHolidaySettings } from "@/lib/users/holiday-settings";

// docs/rules.md "Public holidays": saved only when the user presses Save; the
// pending steps of every interview are re-planned in the same transaction.
export const saveHolidaysAction = createFormAction(holidaySettingsSchema, async ({ userId, input }) => {
  await updateHolidaySettings({ userId, input, now: new Date() });
  const message = input.holidayCountry
    ? "Public holidays saved. Pending steps that fell on one have moved to the next working day."
    : "Public holidays are off. Pending steps are planned around weekends only.";
  return { revalidate: ["/settings", "/dashboard"], message };
});

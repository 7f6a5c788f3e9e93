"use server";

import { createFormAction } from "@/lib/actions/create-action";
import { settingsInputSchema, updateUserSettings } from "@/lib/users/settings";

export const saveSettingsAction = createFormAction(settingsInputSchema, async ({ userId, input }) => {
  await updateUserSettings({ userId, input, now: new Date() });
  return { revalidate: ["/settings", "/dashboard"], message: "Settings saved." };
});

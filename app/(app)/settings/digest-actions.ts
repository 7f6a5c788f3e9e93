"use server";

import { createFormAction } from "@/lib/actions/create-action";
import { digestSettingsInputSchema, updateDigestSettings } from "@/lib/digest/settings";

// docs/rules.md "Morning digest": the digest's switch, hour, days and weekly idle mail.
export const saveDigestSettingsAction = createFormAction(digestSettingsInputSchema, async ({ userId, input }) => {
  await updateDigestSettings({ userId, input });
  const hour = `${String(input.digestHour).padStart(2, "0")}:00`;
  const message = input.digestEnabled
    ? `Morning digest on: at ${hour} on the days you chose, when something is overdue or due that day.`
    : "Morning digest off.";
  return { revalidate: ["/settings"], message };
});

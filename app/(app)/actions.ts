"use server";

import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { setDetectedTimeZone } from "@/lib/users/settings";
import { timeZoneSchema } from "@/lib/validation";

const detectTimeZone = createAction(z.object({ timeZone: timeZoneSchema }), async ({ userId, input }) => {
  await setDetectedTimeZone({ userId, timeZone: input.timeZone, now: new Date() });
  return { revalidate: ["/dashboard", "/settings"] };
});

export async function saveDetectedTimeZoneAction(timeZone: string) {
  return detectTimeZone({ timeZone });
}

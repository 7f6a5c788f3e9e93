"use server";

import { z } from "zod";
import { signOut } from "@/auth";
import { createAction } from "@/lib/actions/create-action";
import { setDetectedTimeZone } from "@/lib/users/settings";
import { timeZoneSchema } from "@/lib/validation";

export const saveDetectedTimeZoneAction = createAction(z.tuple([timeZoneSchema]), async ({ userId, input: [timeZone], now }) => {
  await setDetectedTimeZone({ userId, timeZone, now });
  return { revalidate: ["/dashboard", "/settings"] };
});

// The nav's sign-out form posts nothing; whatever arrives is ignored. Auth.js
// ends the session (cookie and row) without redirecting, so the pipeline
// redirects outside its try.
export const signOutAction = createAction(z.tuple([z.unknown()]), async () => {
  await signOut({ redirect: false });
  return { redirectTo: "/signin" };
});

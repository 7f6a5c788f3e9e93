"use server";

import { z } from "zod";
import { createFormAction } from "@/lib/actions/create-action";
import { signIn } from "@/lib/auth/config";
import { buildConsentRequest, googleFeatureInputSchema, setGoogleFeature, type GoogleConsentRequest } from "@/lib/google/features";

const noInput = z.object({});

const FEATURE_NAMES = { send: "Sending with Gmail", read: "Reading replies with Gmail", calendar: "Google Calendar push" } as const;

// Google's consent page; Auth.js brings the user back to Settings and stores
// the new grant (lib/google/sign-in.ts). redirect: false hands the address to
// the action pipeline, which redirects outside its try.
async function consentUrl(consent: GoogleConsentRequest): Promise<string> {
  return signIn("google", { redirectTo: "/settings", redirect: false }, consent);
}

export const setGoogleFeatureAction = createFormAction(googleFeatureInputSchema, async ({ userId, input }) => {
  const { consent } = await setGoogleFeature({ userId, input, now: new Date() });
  if (consent) return { redirectTo: await consentUrl(consent) };
  const name = FEATURE_NAMES[input.feature];
  return {
    revalidate: ["/settings"],
    message: `${name} is ${input.isEnabled ? "on" : "off"}.`,
  };
});

// Connect a Google account to this user, or sign in again after Google refused the old grant.
export const connectGoogleAction = createFormAction(noInput, async () => {
  return { redirectTo: await consentUrl(buildConsentRequest()) };
});

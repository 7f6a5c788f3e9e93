import "server-only";
import { z } from "zod";
import { requestCalendarPush } from "@/lib/calendar/push-request";
import { loadGoogleConnection, saveGoogleSetting, type GoogleSettingValues } from "./connection";
import { FEATURE_SCOPES, GOOGLE_FEATURES, GOOGLE_SIGN_IN_SCOPES, type GoogleFeature } from "./scopes";

export const googleFeatureInputSchema = z.object({
  feature: z.enum(GOOGLE_FEATURES, { message: "Unknown Google option" }),
  isEnabled: z.enum(["true", "false"], { message: "Choose on or off" }).transform((value) => value === "true"),
});
export type GoogleFeatureInput = z.infer<typeof googleFeatureInputSchema>;

const FEATURE_COLUMNS = {
  send: "sendWithGmail",
  read: "readRepliesWithGmail",
  calendar: "calendarPush",
} as const satisfies Record<GoogleFeature, keyof GoogleSettingValues>;

export type GoogleFeatureState = { isOn: boolean; isGranted: boolean };

export type GooglePanelState =
  | { isConnected: false }
  | {
      isConnected: true;
      address: string;
      brokenAt: Date | null;
      lastError: string | null;
      lastPushAt: Date | null;
      lastReplyCheckAt: Date | null;
      features: Record<GoogleFeature, GoogleFeatureState>;
    };

export async function getGooglePanelState({ userId }: { userId: string }): Promise<GooglePanelState> {
  const connection = await loadGoogleConnection({ userId });
  if (!connection) return { isConnected: false };
  const { setting, scopes } = connection;
  const state = (feature: GoogleFeature): GoogleFeatureState => ({
    isOn: setting[FEATURE_COLUMNS[feature]],
    isGranted: scopes.has(FEATURE_SCOPES[feature]),
  });
  return {
    isConnected: true,
    address: connection.address,
    brokenAt: setting.brokenAt,
    lastError: setting.lastError,
    lastPushAt: setting.lastPushAt,
    lastReplyCheckAt: setting.lastReplyCheckAt,
    features: { send: state("send"), read: state("read"), calendar: state("calendar") },
  };
}

/** Where Google sign-in should go next: the scope to ask for, and how (Auth.js signIn's third argument). */
export type GoogleConsentRequest = Record<string, string>;

/**
 * Incremental consent: sign-in scopes (the OpenID Connect callback needs an
 * ID token) plus the one new scope; include_granted_scopes keeps what was
 * granted before, so Google asks only about what is new.
 */
export function buildConsentRequest(extraScope?: string): GoogleConsentRequest {
  return {
    scope: [...GOOGLE_SIGN_IN_SCOPES, ...(extraScope ? [extraScope] : [])].join(" "),
    include_granted_scopes: "true",
    access_type: "offline",
    prompt: "consent",
  };
}

/**
 * Turns a Google option on or off. Turning one on whose scope Google has not
 * granted (or while the connection is broken) saves the choice and returns
 * the consent to ask for; the option takes effect when the user comes back.
 */
export async function setGoogleFeature({
  userId,
  input,
  now,
}: {
  userId: string;
  input: GoogleFeatureInput;
  now: Date;
}): Promise<{ consent: GoogleConsentRequest | null }> {
  const connection = await loadGoogleConnection({ userId });
  const values: Partial<GoogleSettingValues> = { [FEATURE_COLUMNS[input.feature]]: input.isEnabled };
  await saveGoogleSetting({ userId, values, now });
  if (!input.isEnabled) return { consent: null };
  const scope = FEATURE_SCOPES[input.feature];
  if (!connection || connection.isBroken || !connection.scopes.has(scope)) return { consent: buildConsentRequest(scope) };
  // turning the push on fills the calendar with the whole plan once
  if (input.feature === "calendar") await requestCalendarPush({ userId });
  return { consent: null };
}

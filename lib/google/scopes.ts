// What Afterview may ask Google for, and when (docs/user-guide.md "Google").

export const GMAIL_SEND_SCOPE = "https://www.googleapis.com/auth/gmail.send";
/** Restricted by Google (reading mail): asked only when the user opts in to reply reading. */
export const GMAIL_READONLY_SCOPE = "https://www.googleapis.com/auth/gmail.readonly";
/**
 * Calendar push creates its own calendar (calendars.insert), which
 * calendar.events does not allow; calendar.app.created does, and it reaches
 * only the calendars Afterview created, not the user's other calendars.
 */
export const CALENDAR_APP_CREATED_SCOPE = "https://www.googleapis.com/auth/calendar.app.created";

/** Sign-in: who the user is, and sending (the one Google feature most users want). */
export const GOOGLE_SIGN_IN_SCOPES = ["openid", "email", "profile", GMAIL_SEND_SCOPE] as const;

export const GOOGLE_FEATURES = ["send", "read", "calendar"] as const;
export type GoogleFeature = (typeof GOOGLE_FEATURES)[number];

export const FEATURE_SCOPES: Record<GoogleFeature, string> = {
  send: GMAIL_SEND_SCOPE,
  read: GMAIL_READONLY_SCOPE,
  calendar: CALENDAR_APP_CREATED_SCOPE,
};

/** The scopes Google granted, from the space-separated `scope` it returned. */
export function parseScopes(scope: string | null | undefined): Set<string> {
  return new Set((scope ?? "").split(/\s+/).filter(Boolean));
}

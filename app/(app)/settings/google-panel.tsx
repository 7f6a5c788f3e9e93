import { isGoogleConfigured } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { getGooglePanelState, type GoogleFeatureState } from "@/lib/google/features";
import type { GoogleFeature } from "@/lib/google/scopes";
import { GoogleConnectForm, GoogleFeatureForm } from "./google-forms";

const FEATURES: { feature: GoogleFeature; name: string; scope: string; description: string }[] = [
  {
    feature: "send",
    name: "Send with Gmail",
    scope: "gmail.send",
    description: "Follow-ups leave from your Gmail address and appear in your Sent folder. Afterview can send, not read.",
  },
  {
    feature: "read",
    name: "Read replies with Gmail",
    scope: "gmail.readonly",
    description:
      "Afterview looks at new inbox messages every few minutes and reads only their sender, subject, date and thread headers, to notice when an interviewer answers and cancel that interview's follow-ups. gmail.readonly is a restricted Google scope: it lets an app read all of your mail, so it is off unless you turn it on.",
  },
  {
    feature: "calendar",
    name: "Push follow-ups to Google Calendar",
    scope: "calendar.app.created",
    description:
      "Afterview creates its own calendar, \"Afterview follow-ups\", and updates it after every change to your plan, each step with a reminder. It cannot see your other calendars.",
  },
];

function describeState(state: GoogleFeatureState): string {
  if (!state.isOn) return "Off";
  return state.isGranted ? "On" : "On, waiting for your permission in Google";
}

// "Google" in Settings: what the connected account allows, and the options
// that use it. Shown only when the server has a Google OAuth client.
export async function GooglePanel({ userId, timeZone }: { userId: string; timeZone: string }) {
  if (!isGoogleConfigured()) return null;
  const state = await getGooglePanelState({ userId });
  return (
    <section aria-labelledby="google-heading" className="mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h2 id="google-heading" className="text-lg font-semibold">
        Google
      </h2>
      {!state.isConnected ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Connect your Google account to send follow-ups from Gmail. Reading replies and Google Calendar push can be
            turned on afterwards; Google asks for each permission when you turn it on.
          </p>
          <GoogleConnectForm label="Connect Google" />
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Connected as <strong>{state.address}</strong>.
          </p>
          {state.brokenAt ? (
            <div role="alert" className="space-y-3 rounded-md border border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 px-3 py-2 text-sm text-red-800 dark:text-red-200">
              <p>
                Since {formatDateTime(state.brokenAt, timeZone)}, Google refuses Afterview&apos;s access (the permission was
                removed or expired). Nothing is sent, read or pushed through Google until you reconnect.
              </p>
              <GoogleConnectForm label="Reconnect Google" />
            </div>
          ) : state.lastError ? (
            <p className="text-sm text-red-800 dark:text-red-200">{state.lastError}</p>
          ) : null}
          <ul className="space-y-4">
            {FEATURES.map(({ feature, name, scope, description }) => {
              const featureState = state.features[feature];
              const detail =
                feature === "calendar" && state.lastPushAt
                  ? `Last updated ${formatDateTime(state.lastPushAt, timeZone)}.`
                  : feature === "read" && state.lastReplyCheckAt
                    ? `Last checked ${formatDateTime(state.lastReplyCheckAt, timeZone)}.`
                    : null;
              return (
                <li key={feature} className="space-y-2 border-t border-slate-100 dark:border-slate-800 pt-4">
                  <h3 className="text-sm font-semibold">
                    {name}: <span className="font-normal">{describeState(featureState)}</span>
                  </h3>
                  <p className="text-sm text-slate-700 dark:text-slate-300">{description}</p>
                  <p className="text-xs text-slate-600 dark:text-slate-400">
                    Google permission <code>{scope}</code>: {featureState.isGranted ? "granted" : "not granted yet"}.
                    {detail ? ` ${detail}` : ""}
                  </p>
                  <GoogleFeatureForm feature={feature} name={name} isOn={featureState.isOn} isGranted={featureState.isGranted} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

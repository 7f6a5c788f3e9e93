"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/form-fields";
import { SubmitButton } from "@/components/submit-button";
import { INITIAL_ACTION_STATE } from "@/lib/actions/state";
import { revokeFeedAction, rotateFeedAction } from "./calendar-actions";

const LINK = "inline-flex min-h-11 items-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1.5 text-sm font-medium text-slate-800 dark:text-slate-200 hover:bg-slate-100 dark:hover:bg-slate-800";

function subscribeLinks(feedUrl: string) {
  const webcal = feedUrl.replace(/^https?:/, "webcal:");
  return [
    { label: "Subscribe (Apple Calendar, Outlook desktop)", href: webcal, isWebCalendar: false },
    { label: "Add to Google Calendar", href: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`, isWebCalendar: true },
    { label: "Add to Outlook.com", href: `https://outlook.live.com/calendar/0/addfromweb?url=${encodeURIComponent(feedUrl)}&name=Afterview`, isWebCalendar: true },
  ];
}

const REACH_NOTE_ID = "calendar-reach-note";

// Said up front, since Google Calendar and Outlook.com fail without a reason
// when they cannot fetch the feed (lib/calendar/feed-reach.ts).
function UnreachableFeedNote({ appHost }: { appHost: string }) {
  return (
    <p id={REACH_NOTE_ID} className="rounded-md border border-amber-300 dark:border-amber-700 bg-amber-50 dark:bg-amber-950 px-3 py-2 text-sm text-amber-900 dark:text-amber-100">
      Afterview runs at <span className="font-mono">{appHost}</span>, which only this computer or your network can reach. Google
      Calendar and Outlook.com fetch feeds from their own servers, so they cannot subscribe to it. Apple Calendar, or another
      calendar app on this computer, can. For Google Calendar or Outlook.com, run Afterview at a public address (APP_URL).
    </p>
  );
}

export function CalendarFeedPanel({
  activeSince,
  isReachableByWebCalendars,
  appHost,
}: {
  activeSince: string | null;
  /** False when APP_URL is loopback, private or a local-only name. */
  isReachableByWebCalendars: boolean;
  appHost: string;
}) {
  const [rotateState, rotate] = useActionState(rotateFeedAction, INITIAL_ACTION_STATE);
  const [revokeState, revoke] = useActionState(revokeFeedAction, INITIAL_ACTION_STATE);
  const [copied, setCopied] = useState(false);
  const feedUrl = rotateState.result?.feedUrl;
  const latest = revokeState.status !== "idle" && !feedUrl ? revokeState : rotateState;
  return (
    <section aria-labelledby="calendar-heading" className="mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Calendar feed
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Every follow-up date as an event in the calendar you already use. The address is private: anyone who has it can
        read your plan (names, companies and due dates, no notes).
      </p>
      {isReachableByWebCalendars ? null : <UnreachableFeedNote appHost={appHost} />}
      <FormMessage status={latest.status} message={latest.message} />
      {feedUrl ? (
        <div className="space-y-3">
          <label htmlFor="feed-url" className="block text-sm font-medium">
            Your feed address
          </label>
          <div className="flex gap-2">
            <input id="feed-url" readOnly value={feedUrl} className="block min-h-11 w-full rounded-md border border-slate-300 dark:border-slate-600 bg-slate-50 dark:bg-slate-950 px-3 py-2 font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <button
              type="button"
              className={LINK}
              onClick={async () => {
                await navigator.clipboard.writeText(feedUrl);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <div className="flex flex-wrap gap-2">
            {subscribeLinks(feedUrl).map((link) => (
              <a
                key={link.label}
                href={link.href}
                className={LINK}
                rel="noreferrer noopener"
                target="_blank"
                aria-describedby={link.isWebCalendar && !isReachableByWebCalendars ? REACH_NOTE_ID : undefined}
              >
                {link.label}
              </a>
            ))}
          </div>
        </div>
      ) : activeSince ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Your feed is on (address created {activeSince}). The address was shown once; make a new one if you lost it.
        </p>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">No feed yet.</p>
      )}
      <div className="flex flex-wrap gap-3">
        <form action={rotate}>
          <SubmitButton pendingLabel="Creating…" variant={activeSince || feedUrl ? "secondary" : "primary"}>
            {activeSince || feedUrl ? "Make a new address (the old one stops working)" : "Create my feed address"}
          </SubmitButton>
        </form>
        {activeSince || feedUrl ? (
          <form action={revoke}>
            <SubmitButton pendingLabel="Turning off…" variant="danger">
              Turn off the feed
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </section>
  );
}

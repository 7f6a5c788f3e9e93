import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { listTimeZones } from "@/lib/time-zones";
import { isFeedReachableByWebCalendars } from "@/lib/calendar/feed-reach";
import { getFeedStatus } from "@/lib/calendar/feed-tokens";
import { readEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { getUserSettings } from "@/lib/users/settings";
import { CalendarFeedPanel } from "./calendar-feed-panel";
import { DigestPanel } from "./digest-panel";
import { GooglePanel } from "./google-panel";
import { HolidayPanel } from "./holiday-panel";
import { ImapPanel } from "./imap-panel";
import { SettingsForm } from "./settings-form";
import { SmtpPanel } from "./smtp-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const userId = await requireUserId();
  const [settings, feed] = await Promise.all([getUserSettings({ userId }), getFeedStatus({ userId })]);
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Settings</h1>
      <SettingsForm
        initialValues={{
          displayName: settings.displayName,
          timeZone: settings.timeZone,
          sendHour: String(settings.sendHour),
          signature: settings.signature,
          postalAddress: settings.postalAddress,
          includeNetworkInvite: settings.includeNetworkInvite ? "on" : "",
        }}
        timeZones={listTimeZones(settings.timeZone)}
      />
      <HolidayPanel userId={userId} />
      <DigestPanel userId={userId} timeZone={settings.timeZone} />
      <CalendarFeedPanel
        activeSince={feed ? formatDateTime(feed.createdAt, settings.timeZone) : null}
        isReachableByWebCalendars={isFeedReachableByWebCalendars(readEnv().APP_URL)}
        appHost={new URL(readEnv().APP_URL).host}
      />
      <SmtpPanel userId={userId} timeZone={settings.timeZone} />
      <ImapPanel userId={userId} timeZone={settings.timeZone} />
      <GooglePanel userId={userId} timeZone={settings.timeZone} />
      <Link href="/settings/data" className="mt-8 inline-flex min-h-11 items-center font-semibold text-brand-700 dark:text-brand-300 underline">Your data: download everything, import, or delete your account</Link>
    </>
  );
}

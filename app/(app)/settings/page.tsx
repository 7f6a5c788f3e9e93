import type { Metadata } from "next";
import { requireUserId } from "@/lib/auth/session";
import { listTimeZones } from "@/lib/time-zones";
import { getUserSettings } from "@/lib/users/settings";
import { SettingsForm } from "./settings-form";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const userId = await requireUserId();
  const settings = await getUserSettings({ userId });
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold">Settings</h1>
      <SettingsForm
        initialValues={{
          displayName: settings.displayName,
          timeZone: settings.timeZone,
          sendHour: String(settings.sendHour),
          signature: settings.signature,
        }}
        timeZones={listTimeZones(settings.timeZone)}
      />
    </>
  );
}

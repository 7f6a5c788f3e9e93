import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import { TimeZoneDetector } from "@/components/time-zone-detector";
import { requireUserId } from "@/lib/auth/session";
import { getUserSettings } from "@/lib/users/settings";
import { saveDetectedTimeZoneAction } from "./actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const userId = await requireUserId();
  const settings = await getUserSettings({ userId });
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <AppNav email={settings.email ?? ""} />
      {settings.hasDetectedTimeZone ? null : <TimeZoneDetector saveAction={saveDetectedTimeZoneAction} />}
      <main id="main" className="mx-auto max-w-5xl px-6 py-8">
        {children}
      </main>
    </>
  );
}

import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import { TimeZoneDetector } from "@/components/time-zone-detector";
import { UndoToastProvider } from "@/components/undo-toast";
import { requireSessionUser } from "@/lib/auth/session";
import { saveDetectedTimeZoneAction, signOutAction } from "./actions";
import { undoPlanChangeAction } from "./steps/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white dark:focus:bg-slate-900 focus:p-2">
        Skip to content
      </a>
      <AppNav email={user.email ?? ""} signOutAction={signOutAction} />
      {user.hasDetectedTimeZone ? null : <TimeZoneDetector saveAction={saveDetectedTimeZoneAction} />}
      <main id="main" className="mx-auto max-w-5xl px-4 py-6 sm:px-6 sm:py-8">
        <UndoToastProvider undoAction={undoPlanChangeAction}>{children}</UndoToastProvider>
      </main>
    </>
  );
}

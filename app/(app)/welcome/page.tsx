import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUserId } from "@/lib/auth/session";
import { toSafeReturnPath } from "@/lib/http/return-path";
import { needsFirstRunDetails, proposeContactLines } from "@/lib/users/first-run";
import { getUserSettings } from "@/lib/users/settings";
import { FirstRunForm } from "./first-run-form";

export const metadata: Metadata = { title: "Before your first draft" };

// docs/rules.md "Before your first draft": asked once, then the user goes on
// to the draft they opened (`next`, a path on this site only).
export default async function WelcomePage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const userId = await requireUserId();
  const { next } = await searchParams;
  const returnTo = toSafeReturnPath(typeof next === "string" ? next : null);
  const settings = await getUserSettings({ userId });
  // saved already (a second tab, the back button): nothing to ask
  if (!needsFirstRunDetails(settings)) redirect(returnTo);
  const contactLines = proposeContactLines(settings);
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-1 text-2xl font-bold">Before your first draft</h1>
      <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">
        Your drafts end with your name and a way to reach you. Check both once here; you can change them any time in Settings.
      </p>
      <FirstRunForm
        initialName={settings.displayName}
        initialSignature={settings.signature}
        contactLines={contactLines}
        returnTo={returnTo}
      />
    </div>
  );
}

import { getDigestSettings } from "@/lib/digest/settings";
import { DigestForm } from "./digest-form";

// "Morning digest" in Settings: reads its own data so the page only places it.
export async function DigestPanel({ userId, timeZone }: { userId: string; timeZone: string }) {
  const saved = await getDigestSettings({ userId });
  return (
    <section aria-labelledby="digest-heading" className="mt-8 space-y-4 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-6 shadow-sm">
      <h2 id="digest-heading" className="text-lg font-semibold">
        Morning digest
      </h2>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        One email at the hour you choose, only on days when something is overdue or due: each step with why it is due and a
        link to open it, drafts ready to approve first. Times are in {timeZone.replace(/_/g, " ")}. Every digest has an
        unsubscribe link that works without signing in.
      </p>
      {saved.hasEmail ? (
        <DigestForm
          initialValues={{
            digestEnabled: saved.digestEnabled ? "on" : "",
            digestHour: String(saved.digestHour),
            digestWeekdays: saved.digestWeekdays.map(String),
            digestWeeklyIdle: saved.digestWeeklyIdle ? "on" : "",
          }}
        />
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">Your account has no email address, so there is nowhere to send a digest.</p>
      )}
    </section>
  );
}

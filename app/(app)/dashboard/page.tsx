import type { Metadata } from "next";
import Link from "next/link";
import { OpportunityList } from "@/components/opportunity-list";
import { StepList } from "@/components/step-list";
import { requireSessionUser } from "@/lib/auth/session";
import { proposeSnoozeLocal } from "@/lib/format";
import { DASHBOARD_OPPORTUNITIES, listDashboard } from "@/lib/interviews/queries";
import { listDashboardSteps, type DashboardSection } from "@/lib/plan/queries";

export const metadata: Metadata = { title: "Dashboard" };


export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [{ deleted }, settings] = await Promise.all([searchParams, requireSessionUser()]);
  const userId = settings.id;
  const now = new Date();
  const [opportunities, sections] = await Promise.all([
    listDashboard({ userId }),
    listDashboardSteps({ userId, now, timeZone: settings.timeZone }),
  ]);
  const defaultSnoozeLocal = proposeSnoozeLocal(now, settings.timeZone, settings.sendHour);
  const groups: ({ id: string; title: string; empty: string } & DashboardSection)[] = [
    { id: "overdue", title: "Overdue", ...sections.overdue, empty: "" },
    { id: "today", title: "Today", ...sections.today, empty: "Nothing due today." },
    { id: "this-week", title: "This week", ...sections.thisWeek, empty: "Nothing else this week." },
    { id: "later", title: "Later", ...sections.later, empty: "Nothing planned further out." },
  ];
  return (
    <>
      {deleted ? (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          Interview deleted.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">What to do next</h1>
        <Link
          href="/interviews/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Log an interview
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-600">Times are in {settings.timeZone.replace(/_/g, " ")}.</p>

      {opportunities.length === 0 ? (
        <section className="mt-10 rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-lg font-semibold">No interviews yet</h2>
          <p className="mt-2 text-slate-700">
            Log your first interview right after it ends: who you met, what you talked about, and when they will decide.
            Afterview plans every follow-up from there.
          </p>
          <Link
            href="/interviews/new"
            className="mt-6 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            Log your first interview
          </Link>
        </section>
      ) : (
        <>
          {groups.map((group) =>
            group.steps.length === 0 && !group.empty ? null : (
              <section key={group.id} aria-labelledby={`${group.id}-heading`} className="mt-8">
                <h2 id={`${group.id}-heading`} className={`text-lg font-semibold ${group.id === "overdue" ? "text-red-800" : ""}`}>
                  {group.title}
                  {group.total > group.steps.length ? (
                    <span className="ml-2 text-sm font-normal text-slate-600">
                      (first {group.steps.length} of {group.total}; the rest are on each interview&apos;s page)
                    </span>
                  ) : null}
                </h2>
                {group.steps.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600">{group.empty}</p>
                ) : (
                  <div className="mt-2">
                    <StepList steps={group.steps} timeZone={settings.timeZone} showInterview defaultSnoozeLocal={defaultSnoozeLocal} label={group.title} />
                  </div>
                )}
              </section>
            ),
          )}

          <section aria-labelledby="opportunities-heading" className="mt-10">
            <h2 id="opportunities-heading" className="text-lg font-semibold">
              Your opportunities
            </h2>
            <OpportunityList opportunities={opportunities} timeZone={settings.timeZone} />
            {opportunities.length === DASHBOARD_OPPORTUNITIES ? (
              <Link href="/interviews" className="mt-3 inline-block text-sm text-brand-700 underline">
                All opportunities and interviews
              </Link>
            ) : null}
          </section>
        </>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { DateTime } from "luxon";
import Link from "next/link";
import { OutcomeButtons } from "@/components/outcome-buttons";
import { StepList } from "@/components/step-list";
import { requireUserId } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listDashboard } from "@/lib/interviews/queries";
import { STAGE_LABELS } from "@/lib/interviews/schemas";
import { listDashboardSteps, type DashboardSection } from "@/lib/plan/queries";
import { getUserSettings } from "@/lib/users/settings";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABELS = {
  active: "Active",
  offer: "Offer",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hired: "Hired",
} as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const userId = await requireUserId();
  const now = new Date();
  const [{ deleted }, settings] = await Promise.all([searchParams, getUserSettings({ userId })]);
  const [opportunities, sections] = await Promise.all([
    listDashboard({ userId }),
    listDashboardSteps({ userId, now, timeZone: settings.timeZone }),
  ]);
  const defaultSnoozeLocal = DateTime.fromJSDate(now, { zone: settings.timeZone })
    .plus({ days: 1 })
    .set({ hour: settings.sendHour, minute: 0 })
    .toFormat("yyyy-MM-dd'T'HH:mm");
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
            <ul className="mt-3 space-y-4" aria-label="Opportunities">
              {opportunities.map((opportunity) => (
                <li key={opportunity.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 className="text-base font-semibold">
                      {opportunity.role} <span className="font-normal text-slate-600">at</span> {opportunity.company}
                    </h3>
                    <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                      {STATUS_LABELS[opportunity.status]}
                    </span>
                  </div>
                  <ul className="mt-3 divide-y divide-slate-100">
                    {opportunity.interviews.map((interview) => (
                      <li key={interview.id} className="py-2">
                        <Link href={`/interviews/${interview.id}`} className="group flex flex-wrap items-baseline gap-x-3">
                          <span className="font-medium text-brand-700 group-hover:underline">{STAGE_LABELS[interview.stage]}</span>
                          <span className="text-sm text-slate-700">{formatDateTime(interview.startsAt, settings.timeZone)}</span>
                          <span className="text-sm text-slate-600">with {interview.interviewerNames.join(", ")}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  <div className="mt-3 border-t border-slate-100 pt-3">
                    <OutcomeButtons opportunityId={opportunity.id} status={opportunity.status} company={opportunity.company} />
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { listDashboard } from "@/lib/interviews/queries";
import { STAGE_LABELS } from "@/lib/interviews/schemas";
import { getUserSettings } from "@/lib/users/settings";

export const metadata: Metadata = { title: "Dashboard" };

const STATUS_LABELS = {
  active: "Active",
  offer: "Offer",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hired: "Hired",
} as const;

export default async function DashboardPage() {
  const userId = await requireUserId();
  const [opportunities, settings] = await Promise.all([listDashboard({ userId }), getUserSettings({ userId })]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Your interviews</h1>
        <Link
          href="/interviews/new"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Log an interview
        </Link>
      </div>
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
        <ul className="mt-6 space-y-4" aria-label="Opportunities">
          {opportunities.map((opportunity) => (
            <li key={opportunity.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-lg font-semibold">
                  {opportunity.role} <span className="font-normal text-slate-600">at</span> {opportunity.company}
                </h2>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                  {STATUS_LABELS[opportunity.status]}
                </span>
              </div>
              <ul className="mt-3 divide-y divide-slate-100">
                {opportunity.interviews.map((interview) => (
                  <li key={interview.id} className="py-2">
                    <Link href={`/interviews/${interview.id}`} className="group flex flex-wrap items-baseline gap-x-3">
                      <span className="font-medium text-brand-700 group-hover:underline">
                        {STAGE_LABELS[interview.stage]}
                      </span>
                      <span className="text-sm text-slate-700">
                        {formatDateTime(interview.startsAt, settings.timeZone)}
                      </span>
                      <span className="text-sm text-slate-600">with {interview.interviewerNames.join(", ")}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

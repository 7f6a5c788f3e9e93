"use client";

import Link from "next/link";
import { OpportunityListView, type OpportunityRow } from "@/components/opportunity-list-view";
import type { PlanCommands } from "@/components/plan-commands";
import { StepListView, type StepRow } from "@/components/step-list-view";
import { StatusNotice } from "@/components/status-notice";

export type DashboardGroup = {
  id: string;
  title: string;
  empty: string;
  rows: StepRow[];
  total: number;
  // listed without buttons, with a line saying where to act on them (the Later section)
  previewNote?: string;
};

export type DashboardViewProps = {
  isDeleted: boolean;
  timeZoneLabel: string;
  groups: DashboardGroup[];
  opportunities: OpportunityRow[];
  hasMoreOpportunities: boolean;
  defaultSnoozeLocal: string;
  actions: PlanCommands;
};

const LOG_BUTTON = "rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700";

// The whole page is rendered from the server's words and dates by this client
// component: an element rendered here costs the server far less than one
// rendered by a server component, which React also serializes into the RSC
// payload beside its HTML (figures in docs/performance.md).
export function DashboardView({ isDeleted, timeZoneLabel, groups, opportunities, hasMoreOpportunities, defaultSnoozeLocal, actions }: DashboardViewProps) {
  return (
    <>
      {isDeleted ? (
        <StatusNotice>Interview deleted.</StatusNotice>
      ) : null}
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">What to do next</h1>
        <Link href="/interviews/new" className={`${LOG_BUTTON} shadow-sm`}>
          Log an interview
        </Link>
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Times are in {timeZoneLabel}.</p>

      {opportunities.length === 0 ? (
        <section className="mt-10 rounded-lg border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 p-10 text-center">
          <h2 className="text-lg font-semibold">No interviews yet</h2>
          <p className="mt-2 text-slate-700 dark:text-slate-300">
            Log your first interview right after it ends: who you met, what you talked about, and when they will decide.
            Afterview plans every follow-up from there.
          </p>
          <Link href="/interviews/new" className={`mt-6 inline-block ${LOG_BUTTON}`}>
            Log your first interview
          </Link>
        </section>
      ) : (
        <>
          {groups.map((group) =>
            group.rows.length === 0 && !group.empty ? null : (
              <section key={group.id} aria-labelledby={`${group.id}-heading`} className="mt-8">
                <h2 id={`${group.id}-heading`} className={`text-lg font-semibold ${group.id === "overdue" ? "text-red-800 dark:text-red-200" : ""}`}>
                  {group.title}
                  {group.total > group.rows.length ? (
                    <span className="ml-2 font-normal text-note">
                      (first {group.rows.length} of {group.total}; the rest are on each interview&apos;s page)
                    </span>
                  ) : null}
                </h2>
                {group.rows.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{group.empty}</p>
                ) : (
                  <div className="mt-2">
                    {group.previewNote ? <p className="mb-2 text-note">{group.previewNote}</p> : null}
                    <StepListView rows={group.rows} label={group.title} defaultSnoozeLocal={defaultSnoozeLocal} actions={actions} isPreview={Boolean(group.previewNote)} />
                  </div>
                )}
              </section>
            ),
          )}

          <section aria-labelledby="opportunities-heading" className="mt-10">
            <h2 id="opportunities-heading" className="text-lg font-semibold">
              Your opportunities
            </h2>
            <OpportunityListView rows={opportunities} headingLevel={3} recordOutcome={actions.recordOutcome} />
            {hasMoreOpportunities ? (
              <Link href="/interviews" className="mt-3 inline-flex min-h-11 items-center text-sm text-brand-700 dark:text-brand-300 underline">
                All opportunities and interviews
              </Link>
            ) : null}
          </section>
        </>
      )}
    </>
  );
}

"use client";

import Link from "next/link";
import type { StepStatus } from "@/lib/plan/types";
import { StepActions } from "./step-actions";

export type StepRow = {
  id: string;
  status: StepStatus;
  title: string;
  when: string;
  reason: string;
  interviewId: string;
  // the dashboard links each step to its interview; the interview page does not
  interviewLabel: string | null;
  requiresOverride: boolean;
  isDraftable: boolean;
};

const STATUS_BADGES = {
  pending: null,
  done: { label: "Done", className: "bg-green-100 text-green-800" },
  skipped: { label: "Skipped", className: "bg-slate-100 text-slate-700" },
  cancelled: { label: "Cancelled", className: "bg-slate-100 text-slate-700" },
} as const;

export function StepListView({ rows, label, defaultSnoozeLocal }: { rows: StepRow[]; label: string; defaultSnoozeLocal: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {rows.map((row) => {
        const badge = STATUS_BADGES[row.status];
        const isPending = row.status === "pending";
        return (
          <li key={row.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
            <div className="min-w-0 flex-1">
              <p className={`font-semibold ${row.status === "cancelled" || row.status === "skipped" ? "text-slate-500 line-through" : ""}`}>
                {row.title}
                {badge ? (
                  <span className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium no-underline ${badge.className}`}>{badge.label}</span>
                ) : null}
                {row.requiresOverride ? (
                  <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Beyond two: your override</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-700">
                {row.when}
                {row.interviewLabel ? (
                  <>
                    {" · "}
                    <Link href={`/interviews/${row.interviewId}`} className="text-brand-700 underline">
                      {row.interviewLabel}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="mt-1 text-sm text-slate-600">{row.reason}</p>
              {isPending && row.isDraftable ? (
                <Link href={`/drafts/${row.id}`} className="mr-3 mt-1 inline-block text-sm font-semibold text-brand-700 underline" aria-label={`Open the draft: ${row.title}`}>
                  Open draft
                </Link>
              ) : null}
              {isPending ? (
                <a href={`/interviews/${row.interviewId}/calendar?step=${row.id}`} className="mt-1 inline-block text-xs text-brand-700 underline" download aria-label={`Add to calendar: ${row.title}`}>
                  Add to calendar
                </a>
              ) : null}
            </div>
            {isPending ? <StepActions stepId={row.id} defaultSnoozeLocal={defaultSnoozeLocal} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

import { formatDateTime } from "@/lib/format";
import { describeStep } from "@/lib/plan/labels";
import type { DashboardStep } from "@/lib/plan/queries";
import Link from "next/link";
import { StepActions } from "./step-actions";

const DRAFTABLE_KINDS = new Set(["thank_you", "letter", "follow_up", "gracious_reply"]);

const STATUS_BADGES = {
  pending: null,
  done: { label: "Done", className: "bg-green-100 text-green-800" },
  skipped: { label: "Skipped", className: "bg-slate-100 text-slate-700" },
  cancelled: { label: "Cancelled", className: "bg-slate-100 text-slate-700" },
} as const;

export function StepList({
  steps,
  timeZone,
  showInterview,
  defaultSnoozeLocal,
  label,
}: {
  steps: DashboardStep[];
  timeZone: string;
  showInterview: boolean;
  defaultSnoozeLocal: string;
  label: string;
}) {
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
      {steps.map((step) => {
        const badge = STATUS_BADGES[step.status];
        return (
          <li key={step.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
            <div className="min-w-0 flex-1">
              <p className={`font-semibold ${step.status === "cancelled" || step.status === "skipped" ? "text-slate-500 line-through" : ""}`}>
                {describeStep(step, step.interviewerName, step.company)}
                {badge ? (
                  <span className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium no-underline ${badge.className}`}>{badge.label}</span>
                ) : null}
                {step.requiresOverride ? (
                  <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">Beyond two: your override</span>
                ) : null}
              </p>
              <p className="text-sm text-slate-700">
                {step.status === "done" && step.completedAt
                  ? `Done ${formatDateTime(step.completedAt, timeZone)}`
                  : `Due ${formatDateTime(step.dueAt, timeZone)}`}
                {step.deadlineAt && step.status === "pending" ? ` · deadline ${formatDateTime(step.deadlineAt, timeZone)}` : ""}
                {showInterview ? (
                  <>
                    {" · "}
                    <Link href={`/interviews/${step.interviewId}`} className="text-brand-700 underline">
                      {step.role} at {step.company}
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="mt-1 text-sm text-slate-600">{step.reason}</p>
              {step.status === "pending" && DRAFTABLE_KINDS.has(step.kind) ? (
                <Link href={`/drafts/${step.id}`} className="mr-3 mt-1 inline-block text-sm font-semibold text-brand-700 underline" aria-label={`Open the draft: ${describeStep(step, step.interviewerName, step.company)}`}>
                  Open draft
                </Link>
              ) : null}
              {step.status === "pending" ? (
                <a href={`/interviews/${step.interviewId}/calendar?step=${step.id}`} className="mt-1 inline-block text-xs text-brand-700 underline" download aria-label={`Add to calendar: ${describeStep(step, step.interviewerName, step.company)}`}>
                  Add to calendar
                </a>
              ) : null}
            </div>
            {step.status === "pending" ? <StepActions stepId={step.id} defaultSnoozeLocal={defaultSnoozeLocal} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

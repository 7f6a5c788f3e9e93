import { hasDraft } from "@/lib/drafts/kinds";
import { formatDateTime } from "@/lib/format";
import { describeStep } from "@/lib/plan/labels";
import type { DashboardStep } from "@/lib/plan/queries";
import type { PlanCommands } from "./plan-commands";
import { StepListView, type StepRow } from "./step-list-view";

function describeWhen(step: DashboardStep, timeZone: string): string {
  const when =
    step.status === "done" && step.completedAt ? `Done ${formatDateTime(step.completedAt, timeZone)}` : `Due ${formatDateTime(step.dueAt, timeZone)}`;
  return step.deadlineAt && step.status === "pending" ? `${when} · deadline ${formatDateTime(step.deadlineAt, timeZone)}` : when;
}

// The server words and dates each step; one client component renders the rows
// with their actions. The page then carries each step's few strings once,
// instead of a serialized element tree per row beside its HTML (the profile put
// the RSC render, serialization and re-render of those trees first).
export function toStepRows(steps: DashboardStep[], timeZone: string, showInterview: boolean): StepRow[] {
  return steps.map((step) => ({
    id: step.id,
    status: step.status,
    title: describeStep(step, step.interviewerName, step.company),
    when: describeWhen(step, timeZone),
    reason: step.reason,
    interviewId: step.interviewId,
    interviewLabel: showInterview ? `${step.role} at ${step.company}` : null,
    ...(step.requiresOverride ? { requiresOverride: true as const } : {}),
    ...(hasDraft(step.kind) ? { isDraftable: true as const } : {}),
  }));
}

export function StepList({
  steps,
  timeZone,
  showInterview,
  defaultSnoozeLocal,
  label,
  actions,
}: {
  steps: DashboardStep[];
  timeZone: string;
  showInterview: boolean;
  defaultSnoozeLocal: string;
  label: string;
  actions: PlanCommands;
}) {
  return <StepListView rows={toStepRows(steps, timeZone, showInterview)} label={label} defaultSnoozeLocal={defaultSnoozeLocal} actions={actions} />;
}

import type { PlanInput, PlanStep } from "./types";

type History = PlanInput["history"];

// docs/rules.md "Outcomes" (as stored): done/skipped steps are reported as they
// happened and never changed; a snooze replaces the proposed time of a step
// that is still to do.
export function applyHistory(step: PlanStep, history: History): PlanStep {
  const record = history.steps[step.key];
  if (record) return { ...step, status: record.status };
  const snoozedUntil = history.snoozes[step.key];
  return snoozedUntil ? { ...step, dueAt: snoozedUntil } : step;
}

/** When the step actually happened if it was done, otherwise when it is (now) due. */
export function getAnchorTime(step: PlanStep, history: History): Date {
  const record = history.steps[step.key];
  return record?.status === "done" ? record.at : step.dueAt;
}

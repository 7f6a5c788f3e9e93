"use client";

import Link from "next/link";
import { useState } from "react";
import type { ActionState } from "@/lib/actions/state";
import type { StepStatus } from "@/lib/plan/types";
import type { PlanCommands } from "./plan-commands";
import { SnoozeForm } from "./step-actions";
import { useUndoToast } from "./undo-toast";
import { useRowCommands } from "./use-row-commands";

export type StepRow = {
  id: string;
  status: StepStatus;
  title: string;
  when: string;
  reason: string;
  interviewId: string;
  // the dashboard links each step to its interview; the interview page does not
  interviewLabel: string | null;
  // present only when true: the page carries every row's props, and an omitted key costs nothing
  requiresOverride?: true;
  isDraftable?: true;
};

const STATUS_BADGES = {
  pending: null,
  done: { label: "Done", className: "bg-green-100 dark:bg-green-900 text-green-800 dark:text-green-200" },
  skipped: { label: "Skipped", className: "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300" },
  cancelled: { label: "Cancelled", className: "bg-slate-100 dark:bg-slate-800 text-slate-700 dark:text-slate-300" },
} as const;

export function StepListView({
  rows,
  label,
  defaultSnoozeLocal,
  actions,
  isPreview = false,
}: {
  rows: StepRow[];
  label: string;
  defaultSnoozeLocal: string;
  actions: PlanCommands;
  // what is coming, without the buttons and links: acted on from each interview's page
  isPreview?: boolean;
}) {
  const commands = useRowCommands();
  const toast = useUndoToast();
  // docs/rules.md "Undo": done and skipped are offered back in the toast
  const runUndoable = (stepId: string, action: (stepId: string) => Promise<ActionState>) =>
    commands.run(stepId, async () => {
      const state = await action(stepId);
      toast.offer(state);
      return state;
    });
  const [snoozingId, setSnoozingId] = useState<string | null>(null);
  return (
    <ul aria-label={label} className="divide-y divide-slate-100 dark:divide-slate-800 rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 shadow-sm">
      {rows.map((row) => {
        const badge = STATUS_BADGES[row.status];
        const canAct = row.status === "pending" && !isPreview;
        return (
          <li key={row.id} className="step-row">
            <div className="step-body">
              <p className={row.status === "cancelled" || row.status === "skipped" ? "step-title text-slate-500 dark:text-slate-400 line-through" : "step-title"}>
                {row.title}
                {badge ? (
                  <span className={`ml-2 badge no-underline ${badge.className}`}>{badge.label}</span>
                ) : null}
                {row.requiresOverride ? (
                  <span className="ml-2 badge bg-amber-100 dark:bg-amber-900 text-amber-900 dark:text-amber-200">Beyond two: your override</span>
                ) : null}
              </p>
              <p className="step-when">
                {/* one text node: React separates adjacent ones with a comment in the HTML */}
                {row.interviewLabel ? `${row.when} · ` : row.when}
                {row.interviewLabel ? (
                  <Link href={`/interviews/${row.interviewId}`} className="text-link">
                    {row.interviewLabel}
                  </Link>
                ) : null}
              </p>
              <p className="mt-1 text-note">{row.reason}</p>
              {canAct && row.isDraftable ? (
                <Link href={`/drafts/${row.id}`} className="row-link-main" aria-label={`Open draft: ${row.title}`}>
                  Open draft
                </Link>
              ) : null}
              {canAct ? (
                <a href={`/interviews/${row.interviewId}/calendar?step=${row.id}`} className="row-link" download aria-label={`Add to calendar: ${row.title}`}>
                  Add to calendar
                </a>
              ) : null}
            </div>
            {canAct ? (
              <div className="step-actions">
                <div className="row-buttons" aria-busy={commands.isBusy(row.id) || undefined}>
                  <button type="button" disabled={commands.isBusy(row.id)} onClick={() => runUndoable(row.id, actions.markStepDone)}>
                    Mark done
                  </button>
                  <button
                    type="button"
                    disabled={commands.isBusy(row.id)}
                    aria-expanded={snoozingId === row.id}
                    onClick={() => setSnoozingId((open) => (open === row.id ? null : row.id))}
                  >
                    Snooze
                  </button>
                  <button type="button" disabled={commands.isBusy(row.id)} onClick={() => runUndoable(row.id, actions.skipStep)}>
                    Skip
                  </button>
                </div>
                {snoozingId === row.id ? <SnoozeForm stepId={row.id} defaultSnoozeLocal={defaultSnoozeLocal} snoozeStep={actions.snoozeStep} /> : null}
                {commands.errorFor(row.id) ? (
                  <p role="alert" className="text-xs text-red-700 dark:text-red-300">
                    {commands.errorFor(row.id)}
                  </p>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

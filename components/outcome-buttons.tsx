"use client";

import { recordOutcomeAction } from "@/app/(app)/steps/actions";
import { useRowCommands } from "./use-row-commands";

const OUTCOME_BUTTONS = [
  { outcome: "replied", label: "They replied" },
  { outcome: "offer", label: "Offer" },
  { outcome: "rejected", label: "Rejected" },
  { outcome: "withdrawn", label: "I withdrew" },
] as const;

const BUTTON = "inline-flex min-h-11 items-center rounded-md border border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-3 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800 disabled:opacity-60";

type Commands = ReturnType<typeof useRowCommands>;

// Recording an outcome is one click; the plan updates at once (docs/rules.md
// "Outcomes"). A list passes the commands it shares across its rows.
export function OutcomeButtonGroup({ opportunityId, status, company, commands }: { opportunityId: string; status: string; company: string; commands: Commands }) {
  const isBusy = commands.isBusy(opportunityId);
  const error = commands.errorFor(opportunityId);
  const record = (outcome: string) => commands.run(opportunityId, () => recordOutcomeAction(opportunityId, outcome));
  return (
    <div role="group" aria-label={`Record an outcome for ${company}`} className="flex flex-wrap items-center gap-2" aria-busy={isBusy}>
      <span className="text-sm text-slate-600 dark:text-slate-400">Heard back?</span>
      {status === "active" ? (
        OUTCOME_BUTTONS.map((button) => (
          <button key={button.outcome} type="button" disabled={isBusy} onClick={() => record(button.outcome)} className={BUTTON}>
            {button.label}
          </button>
        ))
      ) : (
        <button type="button" disabled={isBusy} onClick={() => record("active")} className={BUTTON}>
          Reopen
        </button>
      )}
      {error ? (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function OutcomeButtons(props: { opportunityId: string; status: string; company: string }) {
  const commands = useRowCommands();
  return <OutcomeButtonGroup {...props} commands={commands} />;
}

"use client";

import type { Outcome } from "@/lib/interviews/outcomes";
import type { PipelineStage } from "@/lib/opportunities/pipeline";
import type { PlanCommands } from "./plan-commands";
import { useUndoToast } from "./undo-toast";
import { useRowCommands } from "./use-row-commands";

type OutcomeButton = { outcome: Outcome; label: string };

const HEARD_BACK: OutcomeButton[] = [
  { outcome: "replied", label: "They replied" },
  { outcome: "offer", label: "Offer" },
  { outcome: "rejected", label: "Rejected" },
  { outcome: "withdrawn", label: "I withdrew" },
];
const REOPEN: OutcomeButton = { outcome: "active", label: "Reopen" };

// What can still happen from each stage: a reply is recorded once; an offer is
// accepted or declined; an ending can only be reopened (or undone, see undo-toast.tsx).
const NEXT_OUTCOMES: Record<PipelineStage, { prompt: string; buttons: OutcomeButton[] }> = {
  active: { prompt: "Heard back?", buttons: HEARD_BACK },
  waiting: { prompt: "Heard back?", buttons: HEARD_BACK },
  replied: { prompt: "What did they decide?", buttons: HEARD_BACK.slice(1) },
  offer: {
    prompt: "Your answer?",
    buttons: [{ outcome: "hired", label: "I accepted" }, { outcome: "withdrawn", label: "I declined" }, REOPEN],
  },
  rejected: { prompt: "Changed?", buttons: [REOPEN] },
  withdrawn: { prompt: "Changed?", buttons: [REOPEN] },
  hired: { prompt: "Changed?", buttons: [REOPEN] },
};

type Commands = ReturnType<typeof useRowCommands>;

type Props = {
  opportunityId: string;
  stage: PipelineStage;
  company: string;
  recordOutcome: PlanCommands["recordOutcome"];
};

// Recording an outcome is one click; the plan updates at once (docs/rules.md
// "Outcomes") and the toast offers Undo. A list passes the commands it shares across its rows.
export function OutcomeButtonGroup({ opportunityId, stage, company, recordOutcome, commands }: Props & { commands: Commands }) {
  const toast = useUndoToast();
  const isBusy = commands.isBusy(opportunityId);
  const error = commands.errorFor(opportunityId);
  const { prompt, buttons } = NEXT_OUTCOMES[stage];
  const record = (outcome: Outcome) =>
    commands.run(opportunityId, async () => {
      const state = await recordOutcome(opportunityId, outcome);
      toast.offer(state);
      return state;
    });
  return (
    <div role="group" aria-label={`Record an outcome for ${company}`} className="row-buttons" aria-busy={isBusy || undefined}>
      <span className="text-note">{prompt}</span>
      {buttons.map((button) => (
        <button key={button.outcome} type="button" disabled={isBusy} onClick={() => record(button.outcome)}>
          {button.label}
        </button>
      ))}
      {error ? (
        <p role="alert" className="w-full text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function OutcomeButtons(props: Props) {
  const commands = useRowCommands();
  return <OutcomeButtonGroup {...props} commands={commands} />;
}

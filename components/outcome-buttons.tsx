"use client";

import { useTransition } from "react";
import { recordOutcomeAction } from "@/app/(app)/steps/actions";

const OUTCOME_BUTTONS = [
  { outcome: "replied", label: "They replied" },
  { outcome: "offer", label: "Offer" },
  { outcome: "rejected", label: "Rejected" },
  { outcome: "withdrawn", label: "I withdrew" },
] as const;

// Recording an outcome is one click; the plan updates at once (domain.md "Outcomes").
export function OutcomeButtons({ opportunityId, status, company }: { opportunityId: string; status: string; company: string }) {
  const [isPending, startTransition] = useTransition();
  const record = (outcome: string) => startTransition(async () => void (await recordOutcomeAction(opportunityId, outcome)));
  return (
    <div role="group" aria-label={`Record an outcome for ${company}`} className="flex flex-wrap items-center gap-2" aria-busy={isPending}>
      <span className="text-sm text-slate-600">Heard back?</span>
      {status === "active" ? (
        OUTCOME_BUTTONS.map((button) => (
          <button
            key={button.outcome}
            type="button"
            disabled={isPending}
            onClick={() => record(button.outcome)}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
          >
            {button.label}
          </button>
        ))
      ) : (
        <button
          type="button"
          disabled={isPending}
          onClick={() => record("active")}
          className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
        >
          Reopen
        </button>
      )}
    </div>
  );
}

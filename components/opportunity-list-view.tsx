"use client";

import Link from "next/link";
import type { PipelineStage } from "@/lib/opportunities/pipeline";
import { OutcomeButtonGroup } from "./outcome-buttons";
import type { PlanCommands } from "./plan-commands";
import { useRowCommands } from "./use-row-commands";

export type OpportunityRow = {
  id: string;
  role: string;
  company: string;
  stage: PipelineStage;
  // "Replied 3 Dec", worded on the server in the user's zone
  stageLabel: string;
  interviews: { id: string; stage: string; startsAt: string; interviewers: string }[];
};

export function OpportunityListView({
  rows,
  headingLevel,
  recordOutcome,
}: {
  rows: OpportunityRow[];
  headingLevel: 2 | 3;
  recordOutcome: PlanCommands["recordOutcome"];
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const commands = useRowCommands();
  return (
    <ul className="mt-3 space-y-4" aria-label="Opportunities">
      {rows.map((opportunity) => (
        <li key={opportunity.id} className="rounded-lg border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-5 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <Heading className="text-base font-semibold">
              {opportunity.role} <span className="font-normal text-slate-600 dark:text-slate-400">at</span> {opportunity.company}
            </Heading>
            <span className="rounded-full bg-slate-100 dark:bg-slate-800 px-2 py-0.5 text-xs font-medium text-slate-700 dark:text-slate-300">{opportunity.stageLabel}</span>
          </div>
          <ul className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
            {opportunity.interviews.map((interview) => (
              <li key={interview.id} className="py-2">
                <Link href={`/interviews/${interview.id}`} className="group flex flex-wrap items-baseline gap-x-3">
                  <span className="font-medium text-brand-700 dark:text-brand-300 group-hover:underline">{interview.stage}</span>
                  <span className="text-sm text-slate-700 dark:text-slate-300">{interview.startsAt}</span>
                  <span className="text-sm text-slate-600 dark:text-slate-400">with {interview.interviewers}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="mt-3 border-t border-slate-100 dark:border-slate-800 pt-3">
            <OutcomeButtonGroup
              opportunityId={opportunity.id}
              stage={opportunity.stage}
              company={opportunity.company}
              recordOutcome={recordOutcome}
              commands={commands}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

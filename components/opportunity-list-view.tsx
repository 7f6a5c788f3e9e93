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
        <li key={opportunity.id} className="card">
          <div className="card-head">
            <Heading className="text-base font-semibold">
              {`${opportunity.role} `}
              <span className="font-normal text-muted">at</span>
              {` ${opportunity.company}`}
            </Heading>
            <span className="badge-neutral">{opportunity.stageLabel}</span>
          </div>
          <ul className="card-list">
            {opportunity.interviews.map((interview) => (
              <li key={interview.id} className="py-2">
                <Link href={`/interviews/${interview.id}`} className="round-link">
                  <span className="round-stage">{interview.stage}</span>
                  <span className="text-soft">{interview.startsAt}</span>
                  <span className="text-note">{`with ${interview.interviewers}`}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div className="card-foot">
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

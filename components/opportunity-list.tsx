import { formatDateTime } from "@/lib/format";
import type { DashboardOpportunity } from "@/lib/interviews/queries";
import { STAGE_LABELS } from "@/lib/interviews/form-constants";
import { describeStage } from "./opportunity-stage";
import { OpportunityListView, type OpportunityRow } from "./opportunity-list-view";
import type { PlanCommands } from "./plan-commands";

// Worded and dated on the server, rendered with the outcome buttons by one
// client component (see StepList for why). The stage says what was recorded
// ("Replied 3 Dec"), so the buttons offer only what can still happen.
export function toOpportunityRows(opportunities: DashboardOpportunity[], timeZone: string): OpportunityRow[] {
  return opportunities.map((opportunity) => {
    const { stage } = opportunity;
    return {
      id: opportunity.id,
      role: opportunity.role,
      company: opportunity.company,
      stage: stage.stage,
      stageLabel: describeStage(stage, timeZone),
      interviews: opportunity.interviews.map((interview) => ({
        id: interview.id,
        stage: STAGE_LABELS[interview.stage],
        startsAt: formatDateTime(interview.startsAt, timeZone),
        interviewers: interview.interviewerNames.join(", "),
      })),
    };
  });
}

export function OpportunityList({
  opportunities,
  timeZone,
  headingLevel = 3,
  actions,
}: {
  opportunities: DashboardOpportunity[];
  timeZone: string;
  headingLevel?: 2 | 3;
  actions: PlanCommands;
}) {
  return <OpportunityListView rows={toOpportunityRows(opportunities, timeZone)} headingLevel={headingLevel} recordOutcome={actions.recordOutcome} />;
}

import { formatDateTime } from "@/lib/format";
import type { DashboardOpportunity } from "@/lib/interviews/queries";
import { STAGE_LABELS } from "@/lib/interviews/schemas";
import { OpportunityListView, type OpportunityRow } from "./opportunity-list-view";

// Worded and dated on the server, rendered with the outcome buttons by one
// client component (see StepList for why).
export function toOpportunityRows(opportunities: DashboardOpportunity[], timeZone: string): OpportunityRow[] {
  return opportunities.map((opportunity) => ({
    id: opportunity.id,
    role: opportunity.role,
    company: opportunity.company,
    status: opportunity.status,
    interviews: opportunity.interviews.map((interview) => ({
      id: interview.id,
      stage: STAGE_LABELS[interview.stage],
      startsAt: formatDateTime(interview.startsAt, timeZone),
      interviewers: interview.interviewerNames.join(", "),
    })),
  }));
}

export function OpportunityList({
  opportunities,
  timeZone,
  headingLevel = 3,
}: {
  opportunities: DashboardOpportunity[];
  timeZone: string;
  headingLevel?: 2 | 3;
}) {
  return <OpportunityListView rows={toOpportunityRows(opportunities, timeZone)} headingLevel={headingLevel} />;
}

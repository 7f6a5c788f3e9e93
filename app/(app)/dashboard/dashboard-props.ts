import "server-only";
import { toOpportunityRows } from "@/components/opportunity-list";
import { toStepRows } from "@/components/step-list";
import { proposeSnoozeLocal } from "@/lib/format";
import { DASHBOARD_OPPORTUNITIES, listDashboard } from "@/lib/interviews/queries";
import { listDashboardSteps, type DashboardSection } from "@/lib/plan/queries";
import type { DashboardGroup, DashboardViewProps } from "./dashboard-view";

/** The dashboard's props that come from the user's data; the page adds the notice and the actions. */
export type DashboardData = Omit<DashboardViewProps, "isDeleted" | "actions">;

// Its own module so `npm run bench` renders the same props in a bare Next.js app (docs/performance.md).
export async function loadDashboardData({ userId, timeZone, sendHour, now }: { userId: string; timeZone: string; sendHour: number; now: Date }): Promise<DashboardData> {
  const [opportunities, sections] = await Promise.all([listDashboard({ userId }), listDashboardSteps({ userId, now, timeZone })]);
  const group = (id: string, title: string, section: DashboardSection, empty: string, previewNote?: string): DashboardGroup => ({
    id,
    title,
    empty,
    rows: toStepRows(section.steps, timeZone, true),
    total: section.total,
    ...(previewNote ? { previewNote } : {}),
  });
  return {
    timeZoneLabel: timeZone.replace(/_/g, " "),
    groups: [
      group("overdue", "Overdue", sections.overdue, ""),
      group("today", "Today", sections.today, "Nothing due today."),
      group("this-week", "This week", sections.thisWeek, "Nothing else this week."),
      // more than a week out: listed to show what is coming; the buttons are on the interview's page
      group("later", "Later", sections.later, "Nothing planned further out.", "Coming after this week. To change one of these, open its interview."),
    ],
    opportunities: toOpportunityRows(opportunities, timeZone),
    hasMoreOpportunities: opportunities.length === DASHBOARD_OPPORTUNITIES,
    defaultSnoozeLocal: proposeSnoozeLocal(now, timeZone, sendHour),
  };
}

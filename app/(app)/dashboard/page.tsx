import type { Metadata } from "next";
import { toOpportunityRows } from "@/components/opportunity-list";
import { toStepRows } from "@/components/step-list";
import { requireSessionUser } from "@/lib/auth/session";
import { proposeSnoozeLocal } from "@/lib/format";
import { DASHBOARD_OPPORTUNITIES, listDashboard } from "@/lib/interviews/queries";
import { listOpportunityStages } from "@/lib/opportunities/pipeline";
import { listDashboardSteps, type DashboardSection } from "@/lib/plan/queries";
import { PLAN_COMMANDS } from "../steps/commands";
import { DashboardView, type DashboardGroup } from "./dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [{ deleted }, settings] = await Promise.all([searchParams, requireSessionUser()]);
  const { id: userId, timeZone } = settings;
  const now = new Date();
  const [[opportunities, stages], sections] = await Promise.all([
    listDashboard({ userId }).then(async (rows) => [rows, await listOpportunityStages({ userId, opportunityIds: rows.map((row) => row.id) })] as const),
    listDashboardSteps({ userId, now, timeZone }),
  ]);
  const group = (id: string, title: string, section: DashboardSection, empty: string): DashboardGroup => ({
    id,
    title,
    empty,
    rows: toStepRows(section.steps, timeZone, true),
    total: section.total,
  });
  return (
    <DashboardView
      isDeleted={Boolean(deleted)}
      timeZoneLabel={timeZone.replace(/_/g, " ")}
      groups={[
        group("overdue", "Overdue", sections.overdue, ""),
        group("today", "Today", sections.today, "Nothing due today."),
        group("this-week", "This week", sections.thisWeek, "Nothing else this week."),
        group("later", "Later", sections.later, "Nothing planned further out."),
      ]}
      opportunities={toOpportunityRows(opportunities, timeZone, stages)}
      hasMoreOpportunities={opportunities.length === DASHBOARD_OPPORTUNITIES}
      defaultSnoozeLocal={proposeSnoozeLocal(now, timeZone, settings.sendHour)}
      actions={PLAN_COMMANDS}
    />
  );
}

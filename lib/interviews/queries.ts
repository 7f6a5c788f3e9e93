import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";


export async function getInterview({ userId, interviewId }: { userId: string; interviewId: string }) {
  if (!isUuid(interviewId)) throw new NotFoundError("Interview not found");
  const row = await db.query.interviews.findFirst({
    where: and(eq(interviews.id, interviewId), eq(interviews.userId, userId)),
    with: {
      opportunity: true,
      interviewers: { orderBy: [asc(interviewers.position)] },
    },
  });
  if (!row) throw new NotFoundError("Interview not found");
  return row;
}

export type InterviewDetail = Awaited<ReturnType<typeof getInterview>>;

export async function listOpportunityChoices({ userId }: { userId: string }) {
  return db
    .select({
      id: opportunities.id,
      company: opportunities.company,
      role: opportunities.role,
      jobUrl: opportunities.jobUrl,
      companyStyle: opportunities.companyStyle,
      pace: opportunities.pace,
      followUpCap: opportunities.followUpCap,
      allowExtraFollowUps: opportunities.allowExtraFollowUps,
    })
    .from(opportunities)
    .where(eq(opportunities.userId, userId))
    .orderBy(desc(opportunities.updatedAt));
}

export type OpportunityChoice = Awaited<ReturnType<typeof listOpportunityChoices>>[number];

export const DASHBOARD_OPPORTUNITIES = 15;
export const ALL_OPPORTUNITIES_LIMIT = 1_000;

let preparedDashboard: ReturnType<typeof prepareDashboard> | undefined;

// Prepared once per process: the dashboard asks on every request. The
// opportunities come in the order of opportunity_user_last_interview_idx, so
// the first few are read from it; each brings its interviews (newest first)
// and their interviewers' names in one query, by lateral joins.
function prepareDashboard() {
  return db.query.opportunities
    .findMany({
      columns: { id: true, company: true, role: true, status: true },
      where: eq(opportunities.userId, sql.placeholder("userId")),
      orderBy: [sql`${opportunities.lastInterviewAt} desc nulls last`, sql`${opportunities.updatedAt} desc nulls last`],
      limit: sql.placeholder("limit"),
      with: {
        interviews: {
          columns: { id: true, stage: true, startsAt: true, timeZone: true },
          orderBy: desc(interviews.startsAt),
          with: { interviewers: { columns: { name: true }, orderBy: asc(interviewers.position) } },
        },
      },
    })
    .prepare("dashboard_opportunities");
}

// Opportunities with their interviews, most recent first, in one query
// whatever the number of interviews (the dashboard shows the latest few).
export async function listDashboard({ userId, limit = DASHBOARD_OPPORTUNITIES }: { userId: string; limit?: number }) {
  preparedDashboard ??= prepareDashboard();
  const rows = await preparedDashboard.execute({ userId, limit });
  return rows.map(({ interviews: rounds, ...opportunity }) => ({
    ...opportunity,
    interviews: rounds.map(({ interviewers: people, ...interview }) => ({ ...interview, interviewerNames: people.map((person) => person.name) })),
  }));
}

export type DashboardOpportunity = Awaited<ReturnType<typeof listDashboard>>[number];

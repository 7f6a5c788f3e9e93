import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { InterviewStage } from "@/lib/plan/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function getInterview({ userId, interviewId }: { userId: string; interviewId: string }) {
  if (!UUID.test(interviewId)) throw new NotFoundError("Interview not found");
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

type InterviewSummaryRow = { id: string; stage: InterviewStage; startsAt: string; timeZone: string; interviewerNames: string[] };

let preparedDashboard: ReturnType<typeof prepareDashboard> | undefined;

// Prepared once per process: the dashboard asks on every request.
function prepareDashboard() {
  const userId = sql.placeholder("userId");
  const latest = sql<Date | null>`max(${interviews.startsAt})`;
  const top = db
    .select({ id: opportunities.id, latest: latest.as("latest"), updatedAt: opportunities.updatedAt })
    .from(opportunities)
    .leftJoin(interviews, eq(interviews.opportunityId, opportunities.id))
    .where(eq(opportunities.userId, userId))
    .groupBy(opportunities.id)
    .orderBy(sql`${latest} desc nulls last`, desc(opportunities.updatedAt))
    .limit(sql.placeholder("limit"))
    .as("top");
  // each listed opportunity's interviews, newest first, with their interviewers in order
  const interviewSummaries = sql<InterviewSummaryRow[]>`(
    select coalesce(json_agg(json_build_object(
      'id', ${interviews.id},
      'stage', ${interviews.stage},
      'startsAt', ${interviews.startsAt},
      'timeZone', ${interviews.timeZone},
      'interviewerNames', (select coalesce(array_agg(${interviewers.name} order by ${interviewers.position}), '{}')
        from ${interviewers} where ${interviewers.interviewId} = ${interviews.id})
    ) order by ${interviews.startsAt} desc), '[]')
    from ${interviews} where ${interviews.opportunityId} = ${top.id} and ${interviews.userId} = ${userId})`;
  return db
    .select({
      id: opportunities.id,
      company: opportunities.company,
      role: opportunities.role,
      status: opportunities.status,
      interviews: interviewSummaries,
    })
    .from(top)
    .innerJoin(opportunities, eq(opportunities.id, top.id))
    .orderBy(sql`${top.latest} desc nulls last`, desc(top.updatedAt))
    .prepare("dashboard_opportunities");
}

// Opportunities with their interviews, most recent first, in one query
// whatever the number of interviews (the dashboard shows the latest few).
export async function listDashboard({ userId, limit = DASHBOARD_OPPORTUNITIES }: { userId: string; limit?: number }) {
  preparedDashboard ??= prepareDashboard();
  const rows = await preparedDashboard.execute({ userId, limit });
  return rows.map((row) => ({
    ...row,
    interviews: row.interviews.map((interview) => ({ ...interview, startsAt: new Date(interview.startsAt) })),
  }));
}

export type DashboardOpportunity = Awaited<ReturnType<typeof listDashboard>>[number];

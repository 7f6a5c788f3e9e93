import "server-only";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";

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

// Opportunities with their interviews, most recent first, in two queries
// whatever the number of interviews (the dashboard shows the latest few).
export async function listDashboard({ userId, limit = DASHBOARD_OPPORTUNITIES }: { userId: string; limit?: number }) {
  const latest = sql<Date | null>`max(${interviews.startsAt})`;
  const opportunityRows = await db
    .select({ opportunity: opportunities, latest })
    .from(opportunities)
    .leftJoin(interviews, eq(interviews.opportunityId, opportunities.id))
    .where(eq(opportunities.userId, userId))
    .groupBy(opportunities.id)
    .orderBy(sql`${latest} desc nulls last`, desc(opportunities.updatedAt))
    .limit(limit);
  const ids = opportunityRows.map((row) => row.opportunity.id);
  const interviewRows = ids.length
    ? await db
        .select({
          id: interviews.id,
          opportunityId: interviews.opportunityId,
          stage: interviews.stage,
          startsAt: interviews.startsAt,
          timeZone: interviews.timeZone,
          interviewerNames: sql<string[]>`coalesce(
            array_agg(${interviewers.name} order by ${interviewers.position})
              filter (where ${interviewers.id} is not null),
            '{}')`,
        })
        .from(interviews)
        .leftJoin(interviewers, eq(interviewers.interviewId, interviews.id))
        .where(and(eq(interviews.userId, userId), inArray(interviews.opportunityId, ids)))
        .groupBy(interviews.id)
        .orderBy(desc(interviews.startsAt))
    : [];
  const byOpportunity = new Map<string, (typeof interviewRows)[number][]>();
  for (const row of interviewRows) {
    const list = byOpportunity.get(row.opportunityId) ?? [];
    list.push(row);
    byOpportunity.set(row.opportunityId, list);
  }
  return opportunityRows.map(({ opportunity }) => ({ ...opportunity, interviews: byOpportunity.get(opportunity.id) ?? [] }));
}

export type DashboardOpportunity = Awaited<ReturnType<typeof listDashboard>>[number];

import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
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
    })
    .from(opportunities)
    .where(eq(opportunities.userId, userId))
    .orderBy(desc(opportunities.updatedAt));
}

export type OpportunityChoice = Awaited<ReturnType<typeof listOpportunityChoices>>[number];

// The dashboard: two queries whatever the number of interviews.
export async function listDashboard({ userId }: { userId: string }) {
  const [opportunityRows, interviewRows] = await Promise.all([
    db
      .select()
      .from(opportunities)
      .where(eq(opportunities.userId, userId))
      .orderBy(desc(opportunities.updatedAt)),
    db
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
      .where(eq(interviews.userId, userId))
      .groupBy(interviews.id)
      .orderBy(desc(interviews.startsAt)),
  ]);
  const byOpportunity = new Map<string, (typeof interviewRows)[number][]>();
  for (const row of interviewRows) {
    const list = byOpportunity.get(row.opportunityId) ?? [];
    list.push(row);
    byOpportunity.set(row.opportunityId, list);
  }
  const latest = (id: string) => byOpportunity.get(id)?.[0]?.startsAt.getTime() ?? 0;
  return opportunityRows
    .map((opportunity) => ({ ...opportunity, interviews: byOpportunity.get(opportunity.id) ?? [] }))
    .sort((a, b) => latest(b.id) - latest(a.id) || b.updatedAt.getTime() - a.updatedAt.getTime());
}

export type DashboardOpportunity = Awaited<ReturnType<typeof listDashboard>>[number];

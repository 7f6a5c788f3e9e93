import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { literalLimit } from "@/lib/db/literal-limit";
import { stageColumns, type OpportunityStage } from "@/lib/opportunities/pipeline";
import type { InterviewStage } from "@/lib/plan/types";


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

/** The two lists of opportunity cards: the dashboard's latest few, and All interviews. */
export type OpportunityListSize = typeof DASHBOARD_OPPORTUNITIES | typeof ALL_OPPORTUNITIES_LIMIT;

const preparedLists = new Map<OpportunityListSize, ReturnType<typeof prepareList>>();

/** An interview as the dashboard's JSON brings it: id, stage, start (ISO), zone, interviewer names in order. */
type InterviewTuple = [id: string, stage: InterviewStage, startsAt: string, timeZone: string, interviewerNames: string[]];

// Prepared once per process and list: the dashboard asks on every request. The
// opportunities come in the order of opportunity_user_last_interview_idx, so
// the first few are read from it. Each brings its stage and its interviews
// (newest first, with their interviewers' names) as one JSON value: one row
// per opportunity for the driver to read, in one round trip. The limit is
// written into each list's statement rather than passed: with it as a
// parameter PostgreSQL planned the statement again on every execution
// (docs/performance.md).
function prepareList(size: OpportunityListSize) {
  const interviewerNames = sql`(select coalesce(json_agg(${interviewers.name} order by ${interviewers.position}), '[]'::json)
    from ${interviewers} where ${interviewers.interviewId} = ${interviews.id})`;
  const interviewsJson = sql`(select coalesce(json_agg(json_build_array(${interviews.id}, ${interviews.stage}, ${interviews.startsAt}, ${interviews.timeZone}, ${interviewerNames})
    order by ${interviews.startsAt} desc), '[]'::json)
    from ${interviews} where ${interviews.opportunityId} = ${opportunities.id} and ${interviews.userId} = ${opportunities.userId})`;
  return db
    .select({
      id: opportunities.id,
      company: opportunities.company,
      role: opportunities.role,
      status: opportunities.status,
      ...stageColumns(),
      // nested, not written out here: in a one-table select drizzle leaves the table's
      // own columns unqualified at the top level of a field's SQL, where inside this
      // subquery "id" would name the interview's (the dashboard tests catch it)
      interviews: sql<InterviewTuple[]>`${interviewsJson}`.as("interviews"),
    })
    .from(opportunities)
    .where(eq(opportunities.userId, sql.placeholder("userId")))
    .orderBy(sql`${opportunities.lastInterviewAt} desc nulls last`, sql`${opportunities.updatedAt} desc nulls last`)
    .limit(literalLimit(size))
    .prepare(`opportunity_list_${size}`);
}

// Opportunities with their stage and interviews, most recent first, in one
// query whatever the number of interviews (the dashboard shows the latest few).
export async function listDashboard({ userId, limit = DASHBOARD_OPPORTUNITIES }: { userId: string; limit?: OpportunityListSize }) {
  let list = preparedLists.get(limit);
  if (!list) preparedLists.set(limit, (list = prepareList(limit)));
  const rows = await list.execute({ userId });
  return rows.map(({ interviews: rounds, stage, since, ...opportunity }) => ({
    ...opportunity,
    stage: { stage, since } satisfies OpportunityStage,
    interviews: rounds.map(([id, stage, startsAt, timeZone, interviewerNames]) => ({ id, stage, startsAt: new Date(startsAt), timeZone, interviewerNames })),
  }));
}

export type DashboardOpportunity = Awaited<ReturnType<typeof listDashboard>>[number];

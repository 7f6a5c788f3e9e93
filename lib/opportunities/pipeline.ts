import "server-only";
import { and, asc, count, desc, eq, exists, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { interviewers, interviews, opportunities, planSteps, replies } from "@/lib/db/schema";

// Where an opportunity stands, as the pipeline page and the opportunity cards say it.
export const PIPELINE_STAGES = ["active", "waiting", "replied", "offer", "rejected", "withdrawn", "hired"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** A search longer than this is cut: no company, role or name needs more, and the pattern stays cheap. */
export const MAX_PIPELINE_QUERY_LENGTH = 100;
export const PIPELINE_PAGE_SIZE = 100;

// A reply counts from the interview on (as the plan counts it: lib/plan/outcome.ts hasReplied).
const repliedAt = sql<Date | null>`(
  select max(${replies.receivedAt}) from ${replies}
  inner join ${interviews} on ${interviews.id} = ${replies.interviewId}
  where ${replies.userId} = ${opportunities.userId} and ${interviews.opportunityId} = ${opportunities.id}
    and ${replies.receivedAt} >= ${interviews.startsAt})`;

// A thank-you or letter still to send: the user owes something; after it, they wait for a reply.
// PostgreSQL runs this EXISTS as one hash per query, the better plan for the pages that
// work out every opportunity's stage (docs/performance.md).
const owesCourtesy = sql`exists (
  select 1 from ${planSteps} inner join ${interviews} on ${interviews.id} = ${planSteps.interviewId}
  where ${planSteps.userId} = ${opportunities.userId} and ${interviews.opportunityId} = ${opportunities.id}
    and ${planSteps.status} = 'pending' and ${planSteps.kind} in ('thank_you', 'letter'))`;

/** The stage and since when, as columns of a select over `opportunity` (the pipeline, the dashboard's cards). */
export function stageColumns() {
  const replied = sql`${repliedAt}`;
  return {
    stage: sql<PipelineStage>`case
      when ${opportunities.status} <> 'active' then ${opportunities.status}::text
      when ${replied} is not null then 'replied'
      when ${owesCourtesy} then 'active'
      else 'waiting' end`.as("stage"),
    since: sql<Date | null>`case when ${opportunities.status} <> 'active' then ${opportunities.statusChangedAt} else ${replied} end`
      .mapWith(opportunities.statusChangedAt)
      .as("since"),
  };
}

export type OpportunityStage = { stage: PipelineStage; since: Date | null };

/** The stage of each of these opportunities of the user (the dashboard's and the list's cards). */
export async function listOpportunityStages({ userId, opportunityIds }: { userId: string; opportunityIds: string[] }): Promise<Map<string, OpportunityStage>> {
  if (opportunityIds.length === 0) return new Map();
  const rows = await db
    .select({ id: opportunities.id, ...stageColumns() })
    .from(opportunities)
    .where(and(eq(opportunities.userId, userId), inArray(opportunities.id, opportunityIds)));
  return new Map(rows.map((row) => [row.id, { stage: row.stage, since: row.since }]));
}

/** ILIKE treats %, _ and \ as its own: a search for "50%" means those characters. */
export function toContainsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The search as the page takes it: trimmed, cut to its maximum, empty as none. */
export function normalizePipelineQuery(raw: unknown): string {
  return typeof raw === "string" ? raw.trim().slice(0, MAX_PIPELINE_QUERY_LENGTH) : "";
}

export function isPipelineStage(value: unknown): value is PipelineStage {
  return typeof value === "string" && (PIPELINE_STAGES as readonly string[]).includes(value);
}

function matchesQuery(userId: string, query: string): SQL | undefined {
  if (!query) return undefined;
  const pattern = toContainsPattern(query);
  const byInterviewer = db
    .select({ one: sql`1` })
    .from(interviewers)
    .innerJoin(interviews, eq(interviews.id, interviewers.interviewId))
    .where(and(eq(interviewers.userId, userId), eq(interviews.opportunityId, opportunities.id), ilike(interviewers.name, pattern)));
  return or(ilike(opportunities.company, pattern), ilike(opportunities.role, pattern), exists(byInterviewer));
}

/**
 * The pipeline page: the user's opportunities matching the search, counted per
 * stage, and those of one stage (or all), most recent interview first, each
 * with its interviews.
 */
export async function listPipeline({
  userId,
  stage,
  query,
  limit = PIPELINE_PAGE_SIZE,
}: {
  userId: string;
  stage: PipelineStage | null;
  query: string;
  limit?: number;
}) {
  const pipeline = db
    .select({
      id: opportunities.id,
      company: opportunities.company,
      role: opportunities.role,
      status: opportunities.status,
      lastInterviewAt: opportunities.lastInterviewAt,
      updatedAt: opportunities.updatedAt,
      ...stageColumns(),
    })
    .from(opportunities)
    .where(and(eq(opportunities.userId, userId), matchesQuery(userId, query)))
    .as("pipeline");
  const [counted, rows] = await Promise.all([
    db.select({ stage: pipeline.stage, count: count() }).from(pipeline).groupBy(pipeline.stage),
    db
      .select()
      .from(pipeline)
      .where(stage ? eq(pipeline.stage, stage) : undefined)
      .orderBy(sql`${pipeline.lastInterviewAt} desc nulls last`, desc(pipeline.updatedAt))
      .limit(limit),
  ]);
  const counts = Object.fromEntries(PIPELINE_STAGES.map((name) => [name, 0])) as Record<PipelineStage, number>;
  for (const row of counted) counts[row.stage] = row.count;
  const rounds = rows.length
    ? await db.query.interviews.findMany({
        columns: { id: true, opportunityId: true, stage: true, startsAt: true, timeZone: true },
        where: and(eq(interviews.userId, userId), inArray(interviews.opportunityId, rows.map((row) => row.id))),
        orderBy: desc(interviews.startsAt),
        with: { interviewers: { columns: { name: true }, orderBy: asc(interviewers.position) } },
      })
    : [];
  return {
    counts,
    total: Object.values(counts).reduce((sum, value) => sum + value, 0),
    opportunities: rows.map((row) => ({
      id: row.id,
      company: row.company,
      role: row.role,
      status: row.status,
      stage: { stage: row.stage, since: row.since } satisfies OpportunityStage,
      interviews: rounds
        .filter((round) => round.opportunityId === row.id)
        .map(({ interviewers: people, opportunityId: _opportunityId, ...round }) => ({ ...round, interviewerNames: people.map((person) => person.name) })),
    })),
  };
}

export type PipelineOpportunity = Awaited<ReturnType<typeof listPipeline>>["opportunities"][number];

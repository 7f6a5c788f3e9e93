import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { getLocalDay } from "@/lib/time-zones";

const NEAR_HORIZON_DAYS = 7;
// A page lists at most this many steps per section (the rest are counted), so
// its cost stays flat however many interviews a user has.
export const DASHBOARD_SECTION_LIMIT = 10;

function stepColumns() {
  return {
    id: planSteps.id,
    key: planSteps.key,
    kind: planSteps.kind,
    status: planSteps.status,
    sequence: planSteps.sequence,
    variant: planSteps.variant,
    dueAt: planSteps.dueAt,
    deadlineAt: planSteps.deadlineAt,
    reason: planSteps.reason,
    requiresOverride: planSteps.requiresOverride,
    completedAt: planSteps.completedAt,
    version: planSteps.version,
    updatedAt: planSteps.updatedAt,
    interviewId: planSteps.interviewId,
    interviewerName: interviewers.name,
    stage: interviews.stage,
    opportunityId: opportunities.id,
    company: opportunities.company,
    role: opportunities.role,
  };
}

type SectionName = "overdue" | "today" | "thisWeek" | "later";
const SECTION_COUNT = 4;

// Hot queries are prepared once per process (about 3x faster than building them per call).
let prepared: ReturnType<typeof prepareQueries> | undefined;

function prepareQueries() {
  const db = getDb();
  const base = () =>
    db
      .select(stepColumns())
      .from(planSteps)
      .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
      .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
      .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId));
  const userId = sql.placeholder("userId");
  // Which section a pending step is in, from instants the caller works out in the user's zone.
  const section = sql<SectionName>`case
    when ${planSteps.dueAt} >= ${sql.placeholder("horizon")} then 'later'
    when ${planSteps.dueAt} < ${sql.placeholder("startOfToday")} or ${planSteps.deadlineAt} < ${sql.placeholder("now")} then 'overdue'
    when ${planSteps.dueAt} < ${sql.placeholder("startOfTomorrow")} then 'today'
    else 'thisWeek' end`;
  const order = sql`${planSteps.dueAt} asc, ${interviewers.position} asc nulls last, ${planSteps.id} asc`;
  // Ranked and counted per section in the database, so a page reads at most
  // DASHBOARD_SECTION_LIMIT rows per section in one query.
  const windowed = db
    .select({
      id: planSteps.id,
      section: section.as("section"),
      rank: sql<number>`row_number() over (partition by ${section} order by ${order})`.as("rank"),
      total: sql<number>`(count(*) over (partition by ${section}))::int`.as("total"),
    })
    .from(planSteps)
    .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
    .where(and(eq(planSteps.userId, userId), eq(planSteps.status, "pending")))
    .as("windowed");
  // The explicit limit tells the planner how few rows come out, so it joins
  // them by primary key instead of hashing whole tables (7 ms -> 2 ms in
  // Postgres for the bench's 1,000-interview user).
  const ranked = db
    .select()
    .from(windowed)
    .where(lte(windowed.rank, DASHBOARD_SECTION_LIMIT))
    .limit(SECTION_COUNT * DASHBOARD_SECTION_LIMIT)
    .as("ranked");
  return {
    dashboard: db
      .select({ ...stepColumns(), section: ranked.section, total: ranked.total })
      .from(ranked)
      .innerJoin(planSteps, eq(planSteps.id, ranked.id))
      .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
      .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
      .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
      .orderBy(asc(ranked.rank))
      .prepare("dashboard_steps"),
    timeline: base()
      .where(and(eq(planSteps.userId, userId), eq(planSteps.interviewId, sql.placeholder("interviewId"))))
      .orderBy(order)
      .prepare("interview_timeline"),
  };
}

function queries() {
  prepared ??= prepareQueries();
  return prepared;
}

export type DashboardStep = Awaited<ReturnType<ReturnType<typeof prepareQueries>["timeline"]["execute"]>>[number];

export type DashboardSection = { steps: DashboardStep[]; total: number };

export type DashboardSections = Record<SectionName, DashboardSection>;

// "What should I do today?": pending steps in the user's zone, in one query
// whatever the number of interviews.
export async function listDashboardSteps({ userId, now, timeZone }: { userId: string; now: Date; timeZone: string }): Promise<DashboardSections> {
  const today = getLocalDay(now, timeZone);
  const horizon = DateTime.fromJSDate(today.end, { zone: timeZone }).plus({ days: NEAR_HORIZON_DAYS }).toJSDate();
  // postgres.js takes prepared timestamptz parameters as strings
  const rows = await queries().dashboard.execute({
    userId,
    now: now.toISOString(),
    startOfToday: today.start.toISOString(),
    startOfTomorrow: today.end.toISOString(),
    horizon: horizon.toISOString(),
  });
  const sections: DashboardSections = {
    overdue: { steps: [], total: 0 },
    today: { steps: [], total: 0 },
    thisWeek: { steps: [], total: 0 },
    later: { steps: [], total: 0 },
  };
  for (const { section, total, ...step } of rows) {
    sections[section].steps.push(step);
    sections[section].total = total;
  }
  return sections;
}

export async function listInterviewTimeline({ userId, interviewId }: { userId: string; interviewId: string }) {
  return queries().timeline.execute({ userId, interviewId });
}

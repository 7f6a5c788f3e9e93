import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";

const NEAR_HORIZON_DAYS = 7;
const MAX_NEAR_STEPS = 500;
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
  const horizon = sql.placeholder("horizon");
  return {
    near: base()
      .where(and(eq(planSteps.userId, userId), eq(planSteps.status, "pending"), lt(planSteps.dueAt, horizon)))
      .orderBy(asc(planSteps.dueAt), sql`${interviewers.position} asc nulls last`, asc(planSteps.id))
      .limit(MAX_NEAR_STEPS)
      .prepare("dashboard_near_steps"),
    later: base()
      .where(and(eq(planSteps.userId, userId), eq(planSteps.status, "pending"), gte(planSteps.dueAt, horizon)))
      .orderBy(asc(planSteps.dueAt), sql`${interviewers.position} asc nulls last`, asc(planSteps.id))
      .limit(DASHBOARD_SECTION_LIMIT)
      .prepare("dashboard_later_steps"),
    laterCount: db
      .select({ count: sql<number>`count(*)::int` })
      .from(planSteps)
      .where(and(eq(planSteps.userId, userId), eq(planSteps.status, "pending"), gte(planSteps.dueAt, horizon)))
      .prepare("dashboard_later_count"),
    timeline: base()
      .where(and(eq(planSteps.userId, userId), eq(planSteps.interviewId, sql.placeholder("interviewId"))))
      .orderBy(asc(planSteps.dueAt), sql`${interviewers.position} asc nulls last`, asc(planSteps.id))
      .prepare("interview_timeline"),
  };
}

function queries() {
  prepared ??= prepareQueries();
  return prepared;
}

export type DashboardStep = Awaited<ReturnType<ReturnType<typeof prepareQueries>["near"]["execute"]>>[number];

export type DashboardSection = { steps: DashboardStep[]; total: number };

export type DashboardSections = {
  overdue: DashboardSection;
  today: DashboardSection;
  thisWeek: DashboardSection;
  later: DashboardSection;
};


function section(steps: DashboardStep[], total = steps.length): DashboardSection {
  return { steps: steps.slice(0, DASHBOARD_SECTION_LIMIT), total };
}

// "What should I do today?": pending steps in the user's zone, in three queries
// whatever the number of interviews.
export async function listDashboardSteps({ userId, now, timeZone }: { userId: string; now: Date; timeZone: string }): Promise<DashboardSections> {
  const localNow = DateTime.fromJSDate(now, { zone: timeZone });
  const startOfToday = localNow.startOf("day").toJSDate();
  const startOfTomorrow = localNow.startOf("day").plus({ days: 1 }).toJSDate();
  // postgres.js takes prepared timestamptz parameters as strings
  const horizon = localNow.startOf("day").plus({ days: NEAR_HORIZON_DAYS + 1 }).toUTC().toISO()!;
  const { near, later, laterCount } = queries();
  const [nearRows, laterRows, [count]] = await Promise.all([
    near.execute({ userId, horizon }),
    later.execute({ userId, horizon }),
    laterCount.execute({ userId, horizon }),
  ]);
  const isOverdue = (step: DashboardStep) => step.dueAt < startOfToday || (step.deadlineAt !== null && step.deadlineAt < now);
  return {
    overdue: section(nearRows.filter(isOverdue)),
    today: section(nearRows.filter((step) => !isOverdue(step) && step.dueAt < startOfTomorrow)),
    thisWeek: section(nearRows.filter((step) => !isOverdue(step) && step.dueAt >= startOfTomorrow)),
    later: section(laterRows, count?.count ?? 0),
  };
}

export async function listInterviewTimeline({ userId, interviewId }: { userId: string; interviewId: string }) {
  return queries().timeline.execute({ userId, interviewId });
}

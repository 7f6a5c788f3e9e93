import "server-only";
import { and, asc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { literalLimit } from "@/lib/db/literal-limit";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { getLocalDay } from "@/lib/time-zones";

const NEAR_HORIZON_DAYS = 7;
// A page lists at most this many steps per section (the rest are counted), so
// its cost stays flat however many interviews a user has.
export const DASHBOARD_SECTION_LIMIT = 10;

// What a step's row on the dashboard shows (its words, dates and links), and no more.
function listedStepColumns() {
  return {
    id: planSteps.id,
    kind: planSteps.kind,
    status: planSteps.status,
    sequence: planSteps.sequence,
    variant: planSteps.variant,
    dueAt: planSteps.dueAt,
    deadlineAt: planSteps.deadlineAt,
    reason: planSteps.reason,
    requiresOverride: planSteps.requiresOverride,
    completedAt: planSteps.completedAt,
    interviewId: planSteps.interviewId,
    interviewerName: interviewers.name,
    company: opportunities.company,
    role: opportunities.role,
  };
}

// An interview's timeline: a listed step's columns, with its key, version and stage beside them.
function stepColumns() {
  return {
    ...listedStepColumns(),
    key: planSteps.key,
    version: planSteps.version,
    updatedAt: planSteps.updatedAt,
    stage: interviews.stage,
    opportunityId: opportunities.id,
  };
}

type SectionName = "overdue" | "today" | "thisWeek" | "later";

type ListedColumns = ReturnType<typeof listedStepColumns>;
// The order of a listed step's values in the dashboard query's JSON arrays, after its section and total.
const LISTED_KEYS = Object.keys(listedStepColumns()) as (keyof ListedColumns)[];
const LISTED_DATES = new Set<keyof ListedColumns>(["dueAt", "deadlineAt", "completedAt"]);

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
  const now = sql.placeholder("now");
  const startOfToday = sql.placeholder("startOfToday");
  const startOfTomorrow = sql.placeholder("startOfTomorrow");
  const horizon = sql.placeholder("horizon");
  // 'pending' as a literal, not a parameter: the planner then knows from the
  // statistics how few steps are pending, in generic plans too
  const isPending = and(eq(planSteps.userId, userId), sql`${planSteps.status} = 'pending'`);
  // Each section is a range of due_at, read from the (user, status, due_at)
  // index up to the section's limit, and counted on its own, instead of ranking
  // every pending step; a step is overdue once its due day or its deadline has
  // passed, unless it lies beyond the near horizon.
  const isBeforeDeadline = sql`not coalesce(${planSteps.deadlineAt} < ${now}, false)`;
  const sectionFilters: Record<SectionName, SQL> = {
    overdue: and(lt(planSteps.dueAt, horizon), or(lt(planSteps.dueAt, startOfToday), lt(planSteps.deadlineAt, now)))!,
    today: and(gte(planSteps.dueAt, startOfToday), lt(planSteps.dueAt, startOfTomorrow), isBeforeDeadline)!,
    thisWeek: and(gte(planSteps.dueAt, startOfTomorrow), lt(planSteps.dueAt, horizon), isBeforeDeadline)!,
    later: gte(planSteps.dueAt, horizon),
  };
  const order = [asc(planSteps.dueAt), sql`${interviewers.position} asc nulls last`, asc(planSteps.id)];
  // Each section's steps are chosen from plan_step (and the interviewer, whose
  // position breaks ties) before anything else is joined: the opportunity and
  // interview are read for the ten listed, not for every step tied on due_at.
  const listSection = (section: SectionName) =>
    db
      .select({
        id: planSteps.id,
        section: sql<SectionName>`${sql.raw(`'${section}'`)}`.as("section"),
        rank: sql<number>`row_number() over (order by ${sql.join(order, sql`, `)})`.as("rank"),
        total: sql<number>`(select count(*)::int from ${planSteps} where ${and(isPending, sectionFilters[section])})`.as("total"),
      })
      .from(planSteps)
      .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
      .where(and(isPending, sectionFilters[section]))
      .orderBy(...order)
      .limit(literalLimit(DASHBOARD_SECTION_LIMIT));
  const listed = unionAll(listSection("overdue"), listSection("today"), listSection("thisWeek"), listSection("later")).as("listed");
  const listedColumns = listedStepColumns();
  const fields = [listed.section, listed.total, ...LISTED_KEYS.map((key) => listedColumns[key])];
  return {
    // One row holding every listed step as a JSON array: the driver reads one
    // value instead of 40 rows of 16 columns (ranked within each section, so
    // ordering by rank keeps each section's order).
    dashboard: db
      .select({
        steps: sql<unknown[][]>`coalesce(json_agg(json_build_array(${sql.join(fields, sql`, `)}) order by ${listed.rank}), '[]'::json)`.as("steps"),
        // the next pending deadline: when it passes, its step becomes overdue
        nextDeadline: sql<string | null>`(select min(${planSteps.deadlineAt}) from ${planSteps} where ${and(isPending, sql`${planSteps.deadlineAt} > ${now}`)})`.as("next_deadline"),
      })
      .from(listed)
      .innerJoin(planSteps, eq(planSteps.id, listed.id))
      .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
      .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
      .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
      .prepare("dashboard_steps"),
    timeline: base()
      .where(and(eq(planSteps.userId, userId), eq(planSteps.interviewId, sql.placeholder("interviewId"))))
      .orderBy(...order)
      .prepare("interview_timeline"),
  };
}

function queries() {
  prepared ??= prepareQueries();
  return prepared;
}

export type TimelineStep = Awaited<ReturnType<ReturnType<typeof prepareQueries>["timeline"]["execute"]>>[number];

/** A step as a list shows it (the dashboard's sections, an interview's timeline). */
export type DashboardStep = Pick<TimelineStep, keyof ReturnType<typeof listedStepColumns>>;

export type DashboardSection = { steps: DashboardStep[]; total: number };

export type DashboardSections = Record<SectionName, DashboardSection>;

/** The dashboard's sections, and the first moment the clock alone changes them (a new day, or a deadline passing). */
export type DashboardSteps = { sections: DashboardSections; changesAt: Date };

// "What should I do today?": pending steps in the user's zone, in one query
// whatever the number of interviews.
export async function listDashboardSteps({ userId, now, timeZone }: { userId: string; now: Date; timeZone: string }): Promise<DashboardSteps> {
  const today = getLocalDay(now, timeZone);
  const horizon = DateTime.fromJSDate(today.end, { zone: timeZone }).plus({ days: NEAR_HORIZON_DAYS }).toJSDate();
  // postgres.js takes prepared timestamptz parameters as strings
  const [row] = await queries().dashboard.execute({
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
  for (const [section, total, ...values] of row?.steps ?? []) {
    const step = Object.fromEntries(
      LISTED_KEYS.map((key, index) => {
        const value = values[index];
        // JSON carries timestamps as ISO text
        return [key, LISTED_DATES.has(key) && typeof value === "string" ? new Date(value) : value];
      }),
    ) as DashboardStep;
    sections[section as SectionName].steps.push(step);
    sections[section as SectionName].total = total as number;
  }
  const nextDeadline = row?.nextDeadline ? new Date(row.nextDeadline) : null;
  return { sections, changesAt: nextDeadline && nextDeadline < today.end ? nextDeadline : today.end };
}

export async function listInterviewTimeline({ userId, interviewId }: { userId: string; interviewId: string }) {
  return queries().timeline.execute({ userId, interviewId });
}

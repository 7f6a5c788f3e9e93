import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gte, inArray, or, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { DONE_VISIBLE_DAYS } from "./ics-feed";
import type { FeedInterview, FeedStep } from "./types";

export type FeedRows = { steps: FeedStep[]; interviews: FeedInterview[] };

/** A step as an event needs it, with its person and company (the feed and the Google push). */
export function selectFeedSteps() {
  return getDb()
    .select({
      id: planSteps.id,
      version: planSteps.version,
      kind: planSteps.kind,
      status: planSteps.status,
      dueAt: planSteps.dueAt,
      deadlineAt: planSteps.deadlineAt,
      sequence: planSteps.sequence,
      updatedAt: planSteps.updatedAt,
      completedAt: planSteps.completedAt,
      interviewId: planSteps.interviewId,
      personName: interviewers.name,
      company: opportunities.company,
      role: opportunities.role,
      reason: planSteps.reason,
    })
    .from(planSteps)
    .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
    .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
    .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId));
}

// What the feed shows, in two queries whatever the size of the plan: pending
// steps, steps done in the last 30 days, and interviews that have not ended.
export async function loadFeedRows({
  userId,
  appUrl,
  now,
  interviewId,
}: {
  userId: string;
  appUrl: string;
  now: Date;
  interviewId?: string;
}): Promise<FeedRows> {
  const db = getDb();
  const doneSince = DateTime.fromJSDate(now).minus({ days: DONE_VISIBLE_DAYS }).toJSDate();
  const scope = interviewId ? [eq(planSteps.interviewId, interviewId)] : [];
  const [stepRows, interviewRows] = await Promise.all([
    selectFeedSteps()
      .where(
        and(
          eq(planSteps.userId, userId),
          ...scope,
          or(eq(planSteps.status, "pending"), and(eq(planSteps.status, "done"), gte(planSteps.completedAt, doneSince))),
        ),
      ),
    db
      .select({
        id: interviews.id,
        startsAt: interviews.startsAt,
        durationMinutes: interviews.durationMinutes,
        updatedAt: interviews.updatedAt,
        version: interviews.version,
        location: interviews.location,
        company: opportunities.company,
        role: opportunities.role,
      })
      .from(interviews)
      .innerJoin(opportunities, eq(opportunities.id, interviews.opportunityId))
      .where(
        and(
          eq(interviews.userId, userId),
          interviewId ? inArray(interviews.id, [interviewId]) : sql`true`,
          sql`${interviews.startsAt} + make_interval(mins => ${interviews.durationMinutes}) >= ${now.toISOString()}`,
        ),
      ),
  ]);
  const steps: FeedStep[] = stepRows.map(({ interviewId: owner, ...step }) => ({ ...step, url: `${appUrl}/interviews/${owner}` }));
  const upcoming: FeedInterview[] = interviewRows.map((row) => ({ ...row, url: `${appUrl}/interviews/${row.id}` }));
  return { steps, interviews: upcoming };
}

export type FeedValidator = { etag: string; lastModified: Date };

/** Interviews last at most 10 hours (lib/interviews/schemas.ts): older ones have ended. */
const LONGEST_INTERVIEW_HOURS = 10;

// The feed's validators from one query of index lookups, so a conditional
// request is answered (304) without loading or rendering anything, and without
// reading every row (issue 6: a 304 in under 5 ms at 5,000 steps). The feed
// changes when a step or interview changes (its updated_at moves past the
// latest, or a row disappears and the count drops), or when time moves an item
// out: a done step ageing out of its 30 days, an interview ending; those are
// counted in their windows, which are index range scans. The zone and app URL
// are part of the rendering too.
export async function loadFeedValidator({ userId, appUrl, now, timeZone }: { userId: string; appUrl: string; now: Date; timeZone: string }): Promise<FeedValidator> {
  const doneSince = DateTime.fromJSDate(now).minus({ days: DONE_VISIBLE_DAYS }).toJSDate().toISOString();
  const nowIso = now.toISOString();
  const longAgo = DateTime.fromJSDate(now).minus({ hours: LONGEST_INTERVIEW_HOURS }).toJSDate().toISOString();
  // Steps are never deleted but with their interview (which changes the interview count).
  const [row] = await getDb().execute<{ steps: string; interviews: string; last_modified: string | null }>(sql`
    select
      (select coalesce(max(updated_at)::text, '') from ${planSteps} where user_id = ${userId})
        || ':' || (select count(*) from ${planSteps} where user_id = ${userId} and status = 'done' and completed_at >= ${doneSince}) as steps,
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from ${interviews} where user_id = ${userId})
        || ':' || (select count(*) from ${interviews} where user_id = ${userId} and starts_at >= ${longAgo}
             and starts_at + make_interval(mins => duration_minutes) >= ${nowIso}) as interviews,
      -- removals count too, or If-Modified-Since would keep a removed event: a
      -- cancelled or skipped step's update, a done step ageing out, an interview ending
      greatest(
        (select max(updated_at) from ${planSteps} where user_id = ${userId}),
        (select max(updated_at) from ${interviews} where user_id = ${userId}),
        (select max(completed_at) + make_interval(days => ${DONE_VISIBLE_DAYS}) from ${planSteps}
          where user_id = ${userId} and status = 'done' and completed_at < ${doneSince}),
        -- the latest end among ended interviews: those started in the last 10 hours that
        -- ended, and, of older ones, only those within 10 hours of the latest older start
        (select max(starts_at + make_interval(mins => duration_minutes)) from ${interviews}
          where user_id = ${userId} and starts_at >= ${longAgo} and starts_at < ${nowIso}
            and starts_at + make_interval(mins => duration_minutes) < ${nowIso}),
        (select max(starts_at + make_interval(mins => duration_minutes)) from ${interviews}
          where user_id = ${userId} and starts_at < ${longAgo}
            and starts_at >= (select max(starts_at) from ${interviews} where user_id = ${userId} and starts_at < ${longAgo})
              - make_interval(hours => ${LONGEST_INTERVIEW_HOURS}))
      ) as last_modified`);
  const digest = createHash("sha256").update(`${timeZone};${appUrl};${row?.steps};${row?.interviews}`).digest("hex");
  return { etag: `"${digest}"`, lastModified: new Date(row?.last_modified ?? 0) };
}

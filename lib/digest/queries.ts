import "server-only";
import { and, asc, desc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { digestRuns, drafts, interviewers, interviews, opportunities, planSteps, users } from "@/lib/db/schema";
import { DEFAULT_TIME_ZONE } from "@/lib/time-zones";
import { DIGEST_STEP_LIMIT, type DigestDay } from "./schedule";

export type DigestKind = "due" | "idle";

/** Opportunities listed in an idle digest; the rest are counted. */
const WAITING_LIMIT = 10;

// docs/rules.md "Morning digest": a step belongs in the digest when the
// dashboard shows it as overdue or due today. The scan and the digest itself
// read this one filter, so a user the scan picks is never found to have
// nothing (and picked again every quarter hour).
function isDueByTomorrow(bounds: { now: SQL; startOfTomorrow: SQL; horizon: SQL }): SQL {
  return sql`(${planSteps.dueAt} < ${bounds.startOfTomorrow} or (${planSteps.deadlineAt} < ${bounds.now} and ${planSteps.dueAt} < ${bounds.horizon}))`;
}

// Waiting for a reply: a follow-up, the call or the "move on" nudge is still planned.
const isWaitingStep = sql`${planSteps.status} = 'pending' and ${planSteps.kind} in ('follow_up', 'call', 'move_on')`;

const timestamp = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/** The zones of the users who asked for the digest (a few hundred at most, whatever the number of users). */
export async function listDigestZones(): Promise<string[]> {
  const rows = await db
    .selectDistinct({ zone: sql<string>`coalesce(${users.timeZone}, ${DEFAULT_TIME_ZONE})` })
    .from(users)
    .where(eq(users.digestEnabled, true));
  return rows.map((row) => row.zone);
}

export type DigestCandidate = { userId: string; localDate: string };

/**
 * Users whose digest hour has come today in their zone (an open window in
 * `days`), on one of their weekdays, with no digest handed over today, and
 * something to say: a step due, or the weekly "nothing due" they asked for.
 */
export async function listDigestCandidates({ now, days }: { now: Date; days: (DigestDay & { hours: number[] })[] }): Promise<DigestCandidate[]> {
  const open = days.filter((day) => day.hours.length > 0);
  if (open.length === 0) return [];
  const rows = sql.join(
    open.map(
      (day) =>
        sql`(${day.zone}::text, ${day.localDate}::date, ${day.weekday}::smallint, ${`{${day.hours.join(",")}}`}::smallint[], ${timestamp(day.startOfTomorrow)}, ${timestamp(day.horizon)}, ${day.idleSince}::date)`,
    ),
    sql`, `,
  );
  const nowParam = timestamp(now);
  const result = await db.execute<DigestCandidate>(sql`
    select ${users.id} as "userId", w.local_date::text as "localDate"
    from ${users}
    join (values ${rows}) as w(zone, local_date, weekday, hours, start_of_tomorrow, horizon, idle_since)
      on coalesce(${users.timeZone}, ${DEFAULT_TIME_ZONE}) = w.zone
    where ${users.digestEnabled}
      and ${users.email} is not null
      and ${users.digestHour} = any(w.hours)
      and w.weekday = any(${users.digestWeekdays})
      and not exists (
        select 1 from ${digestRuns}
        where ${digestRuns.userId} = ${users.id} and ${digestRuns.localDate} = w.local_date and ${digestRuns.sentAt} is not null
      )
      and (
        exists (
          select 1 from ${planSteps}
          where ${planSteps.userId} = ${users.id} and ${planSteps.status} = 'pending'
            and ${isDueByTomorrow({ now: nowParam, startOfTomorrow: sql`w.start_of_tomorrow`, horizon: sql`w.horizon` })}
        )
        or (
          ${users.digestWeeklyIdle}
          and not exists (
            select 1 from ${digestRuns}
            where ${digestRuns.userId} = ${users.id} and ${digestRuns.kind} = 'idle' and ${digestRuns.sentAt} is not null
              and ${digestRuns.localDate} >= w.idle_since
          )
          and exists (select 1 from ${planSteps} where ${planSteps.userId} = ${users.id} and ${isWaitingStep})
        )
      )`);
  return [...result];
}

/** What the digest job needs about its user, and what was already sent. */
export async function loadDigestRecipient({ userId, localDate }: { userId: string; localDate: string }) {
  const [row] = await db
    .select({
      email: users.email,
      timeZone: users.timeZone,
      isEnabled: users.digestEnabled,
      hour: users.digestHour,
      weekdays: users.digestWeekdays,
      wantsWeeklyIdle: users.digestWeeklyIdle,
      isSentToday: sql<boolean>`exists (
        select 1 from ${digestRuns}
        where ${digestRuns.userId} = ${users.id} and ${digestRuns.localDate} = ${localDate}::date and ${digestRuns.sentAt} is not null)`,
      lastIdleDate: sql<string | null>`(
        select max(${digestRuns.localDate})::text from ${digestRuns}
        where ${digestRuns.userId} = ${users.id} and ${digestRuns.kind} = 'idle' and ${digestRuns.sentAt} is not null)`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ? { ...row, timeZone: row.timeZone ?? DEFAULT_TIME_ZONE } : null;
}

/** The steps overdue or due today, oldest first, with their draft's state; `total` counts those left out. */
export async function listDigestSteps({ userId, day, now }: { userId: string; day: DigestDay; now: Date }) {
  const rows = await db
    .select({
      id: planSteps.id,
      kind: planSteps.kind,
      variant: planSteps.variant,
      sequence: planSteps.sequence,
      dueAt: planSteps.dueAt,
      deadlineAt: planSteps.deadlineAt,
      reason: planSteps.reason,
      interviewId: planSteps.interviewId,
      interviewerName: interviewers.name,
      company: opportunities.company,
      draftStatus: drafts.status,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(planSteps)
    .innerJoin(interviews, and(eq(interviews.id, planSteps.interviewId), eq(interviews.userId, userId)))
    .innerJoin(opportunities, and(eq(opportunities.id, interviews.opportunityId), eq(opportunities.userId, userId)))
    .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
    .leftJoin(drafts, and(eq(drafts.stepId, planSteps.id), eq(drafts.userId, userId)))
    .where(
      and(
        eq(planSteps.userId, userId),
        sql`${planSteps.status} = 'pending'`,
        isDueByTomorrow({ now: timestamp(now), startOfTomorrow: timestamp(day.startOfTomorrow), horizon: timestamp(day.horizon) }),
      ),
    )
    .orderBy(asc(planSteps.dueAt), sql`${interviewers.position} asc nulls last`, asc(planSteps.id))
    .limit(DIGEST_STEP_LIMIT);
  return { steps: rows.map(({ total: _total, ...step }) => step), total: rows[0]?.total ?? 0 };
}

export type DigestStepRow = Awaited<ReturnType<typeof listDigestSteps>>["steps"][number];

/** Opportunities still waiting for an answer (a follow-up is planned), latest interview first. */
export async function listWaitingOpportunities({ userId }: { userId: string }) {
  const rows = await db
    .select({
      company: opportunities.company,
      role: opportunities.role,
      interviewId: sql<string>`(array_agg(${interviews.id} order by ${interviews.startsAt} desc))[1]`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(opportunities)
    .innerJoin(interviews, and(eq(interviews.opportunityId, opportunities.id), eq(interviews.userId, userId)))
    .where(
      and(
        eq(opportunities.userId, userId),
        sql`exists (select 1 from ${planSteps} where ${planSteps.interviewId} = ${interviews.id} and ${planSteps.userId} = ${userId} and ${isWaitingStep})`,
      ),
    )
    .groupBy(opportunities.id)
    .orderBy(desc(sql`max(${interviews.startsAt})`))
    .limit(WAITING_LIMIT);
  return { opportunities: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/**
 * Takes the day's send: creates the claim, or takes one left without sent_at
 * (a worker that stopped before handing the mail over, or a send the server
 * refused), and stamps sent_at in the same statement. Exactly one caller gets
 * true per user and local date, however many workers try at once; sent_at is
 * set before the mail is handed over, so a worker killed during the send
 * leaves the day sent (at most once, see docs/rules.md "Morning digest").
 */
export async function takeDigestSend({ userId, localDate, kind, now }: { userId: string; localDate: string; kind: DigestKind; now: Date }): Promise<boolean> {
  const taken = await db
    .insert(digestRuns)
    .values({ userId, localDate, kind, sentAt: now })
    .onConflictDoUpdate({
      target: [digestRuns.userId, digestRuns.localDate],
      set: { kind, sentAt: now },
      setWhere: isNull(digestRuns.sentAt),
    })
    .returning({ userId: digestRuns.userId });
  return taken.length === 1;
}

/** The mail server refused the digest (nothing was delivered): the claim is free again for the job's retry. */
export async function releaseDigestSend({ userId, localDate, sentAt }: { userId: string; localDate: string; sentAt: Date }): Promise<void> {
  await db
    .update(digestRuns)
    .set({ sentAt: null })
    .where(and(eq(digestRuns.userId, userId), eq(digestRuns.localDate, localDate), eq(digestRuns.sentAt, sentAt)));
}

import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/lib/db/client";
import type { companyStyle, interviewStage } from "@/lib/db/schema";
import { THANK_YOU_DEADLINE_HOURS } from "@/lib/plan/constants";
import { getPeriodStart, toMedian, toShare, type Median, type Period, type Share } from "./figures";

export type Stage = (typeof interviewStage.enumValues)[number];
export type CompanyStyle = (typeof companyStyle.enumValues)[number];

type GroupRow = {
  grouping: number;
  stage: Stage | null;
  company_style: CompanyStyle | null;
  interviews: number;
  thank_yous_due: number;
  thank_yous_on_time: number;
  follow_ups_sent: number;
  interviews_followed_up: number;
  replies: number;
  replies_after_follow_up: number;
  median_reply_days: number | null;
  opportunities: number;
  offers: number;
  rejected: number;
  withdrawn: number;
  silent: number;
};

export type Outcomes = { opportunities: number; offer: number; rejected: number; withdrawn: number; silent: number; open: number };

export type InsightFigures = {
  interviews: number;
  thankYousOnTime: Share;
  followUpsSent: number;
  interviewsFollowedUp: number;
  replies: Share;
  repliesAfterFollowUp: Share;
  replyDays: Median;
  outcomes: Outcomes;
};

export type InsightGroup<Key> = { key: Key; figures: InsightFigures };

export type Insights = {
  period: Period;
  total: InsightFigures;
  byStage: InsightGroup<Stage>[];
  byCompanyStyle: InsightGroup<CompanyStyle>[];
};

const THANK_YOUS = { one: "thank-you", many: "thank-yous" };
const INTERVIEWS = { one: "interview", many: "interviews" };
const REPLIES = { one: "reply", many: "replies" };

// grouping(stage, company_style): 3 = every interview, 1 = by stage, 2 = by company style
const GROUPING_TOTAL = 3;
const GROUPING_STAGE = 1;
const GROUPING_STYLE = 2;

function toFigures(row: GroupRow): InsightFigures {
  return {
    interviews: row.interviews,
    thankYousOnTime: toShare(row.thank_yous_on_time, row.thank_yous_due, THANK_YOUS),
    followUpsSent: row.follow_ups_sent,
    interviewsFollowedUp: row.interviews_followed_up,
    replies: toShare(row.replies, row.interviews, INTERVIEWS),
    repliesAfterFollowUp: toShare(row.replies_after_follow_up, row.replies, REPLIES),
    replyDays: toMedian(row.median_reply_days, row.replies, REPLIES),
    outcomes: {
      opportunities: row.opportunities,
      offer: row.offers,
      rejected: row.rejected,
      withdrawn: row.withdrawn,
      silent: row.silent,
      open: row.opportunities - row.offers - row.rejected - row.withdrawn - row.silent,
    },
  };
}

const EMPTY_ROW: GroupRow = {
  grouping: GROUPING_TOTAL,
  stage: null,
  company_style: null,
  interviews: 0,
  thank_yous_due: 0,
  thank_yous_on_time: 0,
  follow_ups_sent: 0,
  interviews_followed_up: 0,
  replies: 0,
  replies_after_follow_up: 0,
  median_reply_days: null,
  opportunities: 0,
  offers: 0,
  rejected: 0,
  withdrawn: 0,
  silent: 0,
};

/**
 * Every figure of the Insights page for one user and period, in one statement
 * (docs/insights.md defines each). The cohort is the user's interviews that
 * started in the period and not after `now`; each figure follows those
 * interviews wherever their steps and replies fell. Every table is read with
 * the user's id, so another user's rows never count.
 */
export async function getInsights({ userId, period, now }: { userId: string; period: Period; now: Date }): Promise<Insights> {
  const since = getPeriodStart(period, now);
  const nowIso = now.toISOString();
  const rows = await db.execute<GroupRow>(sql`
    with every_interview as (
      select i.id, i.opportunity_id, i.stage, i.starts_at,
        i.starts_at + make_interval(mins => i.duration_minutes) as ends_at,
        -- of all its opportunity's rounds, including those still to come
        row_number() over (partition by i.opportunity_id order by i.starts_at desc, i.id desc) = 1 as is_latest
      from interview i
      where i.user_id = ${userId}
    ),
    cohort as (
      select e.*, o.company_style, o.status,
        row_number() over (partition by e.opportunity_id order by e.starts_at desc, e.id desc) = 1 as is_opportunity_row
      from every_interview e
      join opportunity o on o.id = e.opportunity_id and o.user_id = ${userId}
      where e.starts_at <= ${nowIso}::timestamptz
        and (${since?.toISOString() ?? null}::timestamptz is null or e.starts_at >= ${since?.toISOString() ?? null}::timestamptz)
    ),
    sent_messages as (
      select m.step_id, min(m.sent_at) as sent_at
      from outbound_message m
      join cohort c on c.id = m.interview_id
      where m.user_id = ${userId} and m.status = 'sent'
      group by m.step_id
    ),
    steps as (
      select s.interview_id, s.kind, s.status, s.due_at,
        coalesce(m.sent_at, case when s.status = 'done' then s.completed_at end) as sent_at
      from plan_step s
      join cohort c on c.id = s.interview_id
      left join sent_messages m on m.step_id = s.id
      where s.user_id = ${userId} and s.kind in ('thank_you', 'follow_up', 'call', 'move_on')
    ),
    per_interview as (
      select c.id,
        -- settled: sent (even if the plan cancelled the step after it left), or unsent with the 24 hours over
        count(*) filter (where s.kind = 'thank_you' and (s.sent_at is not null
          or (s.status <> 'cancelled' and c.ends_at + make_interval(hours => ${THANK_YOU_DEADLINE_HOURS}) <= ${nowIso}::timestamptz))) as thank_yous_due,
        count(*) filter (where s.kind = 'thank_you' and s.sent_at < c.ends_at + make_interval(hours => ${THANK_YOU_DEADLINE_HOURS})) as thank_yous_on_time,
        count(*) filter (where s.kind in ('follow_up', 'call') and s.sent_at is not null) as follow_ups_sent,
        min(s.sent_at) filter (where s.kind in ('follow_up', 'call')) as first_follow_up_at,
        coalesce(bool_or(s.kind = 'move_on' and (s.status = 'done' or (s.status = 'pending' and s.due_at <= ${nowIso}::timestamptz))), false) as has_reached_move_on
      from cohort c
      left join steps s on s.interview_id = c.id
      group by c.id
    ),
    first_replies as (
      select r.interview_id, min(r.received_at) as received_at
      from reply r
      join cohort c on c.id = r.interview_id
      where r.user_id = ${userId} and r.received_at >= c.starts_at
      group by r.interview_id
    ),
    facts as (
      select c.stage, c.company_style, c.is_opportunity_row,
        p.thank_yous_due, p.thank_yous_on_time, p.follow_ups_sent,
        r.received_at is not null as has_reply,
        coalesce(p.first_follow_up_at < r.received_at, false) as is_reply_after_follow_up,
        (greatest(extract(epoch from r.received_at - c.ends_at), 0) / 86400)::float8 as reply_days,
        case
          when c.status in ('offer', 'hired') then 'offer'
          when c.status in ('rejected', 'withdrawn') then c.status::text
          when c.is_latest and p.has_reached_move_on and r.received_at is null then 'silent'
          else 'open'
        end as outcome
      from cohort c
      join per_interview p on p.id = c.id
      left join first_replies r on r.interview_id = c.id
    )
    select grouping(stage, company_style)::int as grouping, stage, company_style,
      count(*)::int as interviews,
      coalesce(sum(thank_yous_due), 0)::int as thank_yous_due,
      coalesce(sum(thank_yous_on_time), 0)::int as thank_yous_on_time,
      coalesce(sum(follow_ups_sent), 0)::int as follow_ups_sent,
      count(*) filter (where follow_ups_sent > 0)::int as interviews_followed_up,
      count(*) filter (where has_reply)::int as replies,
      count(*) filter (where is_reply_after_follow_up)::int as replies_after_follow_up,
      percentile_cont(0.5) within group (order by reply_days) as median_reply_days,
      count(*) filter (where is_opportunity_row)::int as opportunities,
      count(*) filter (where is_opportunity_row and outcome = 'offer')::int as offers,
      count(*) filter (where is_opportunity_row and outcome = 'rejected')::int as rejected,
      count(*) filter (where is_opportunity_row and outcome = 'withdrawn')::int as withdrawn,
      count(*) filter (where is_opportunity_row and outcome = 'silent')::int as silent
    from facts
    group by grouping sets ((), (stage), (company_style))
    order by grouping, stage, company_style`);
  const total = rows.find((row) => row.grouping === GROUPING_TOTAL) ?? EMPTY_ROW;
  return {
    period,
    total: toFigures(total),
    byStage: rows
      .filter((row) => row.grouping === GROUPING_STAGE && row.stage !== null)
      .map((row) => ({ key: row.stage!, figures: toFigures(row) })),
    byCompanyStyle: rows
      .filter((row) => row.grouping === GROUPING_STYLE && row.company_style !== null)
      .map((row) => ({ key: row.company_style!, figures: toFigures(row) })),
  };
}

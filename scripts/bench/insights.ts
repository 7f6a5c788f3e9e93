import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { getInsights } from "@/lib/insights/queries";
import { PERIODS } from "@/lib/insights/figures";
import { report, time } from "./stats";

// Every REPLY_EVERY-th interview gets a reply three days after it, so the
// median and the "after a follow-up" test have rows to work on.
const REPLY_EVERY = 3;

// The Insights page for the seeded user: one statement per page view, timed per period.
export async function benchInsights(userId: string, interviews: number, now: Date, countStatements: () => number) {
  console.log(`Insights (${interviews} interviews)`);
  const replied = await getDb().execute(sql`
    insert into reply (user_id, interview_id, received_at, source)
    select user_id, id, starts_at + interval '3 days', 'manual'
    from (select user_id, id, starts_at, row_number() over (order by starts_at) as position from interview where user_id = ${userId}) numbered
    where position % ${REPLY_EVERY} = 0
    returning id`);
  console.log(`  added ${replied.length} replies`);
  for (const period of PERIODS) {
    await getInsights({ userId, period, now });
    const before = countStatements();
    await getInsights({ userId, period, now });
    const statements = countStatements() - before;
    report(`period ${period === "all" ? "all time" : `${period} days`}`, await time(50, 5, () => getInsights({ userId, period, now })), `, ${statements} ${statements === 1 ? "query" : "queries"}`);
  }
}

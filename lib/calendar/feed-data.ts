import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gte, inArray, or, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { DONE_VISIBLE_DAYS } from "./ics-feed";
import type { FeedInterview, FeedStep } from "./types";

export type FeedRows = { steps: FeedStep[]; interviews: FeedInterview[]; lastModified: Date; etag: string };

// What the feed shows, in two queries whatever the size of the plan: pending
// steps, steps done in the last 30 days, and interviews that have not ended.
export async function loadFeedRows({
  userId,
  appUrl,
  now,
  timeZone,
  interviewId,
}: {
  userId: string;
  appUrl: string;
  now: Date;
  timeZone: string;
  interviewId?: string;
}): Promise<FeedRows> {
  const db = getDb();
  const doneSince = DateTime.fromJSDate(now).minus({ days: DONE_VISIBLE_DAYS }).toJSDate();
  const scope = interviewId ? [eq(planSteps.interviewId, interviewId)] : [];
  const [stepRows, interviewRows] = await Promise.all([
    db
      .select({
        id: planSteps.id,
        version: planSteps.version,
        kind: planSteps.kind,
        status: planSteps.status,
        dueAt: planSteps.dueAt,
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
      .leftJoin(interviewers, eq(interviewers.id, planSteps.interviewerId))
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
  // A cheap validator, so a 304 costs no rendering: it changes whenever any
  // listed item changes, appears or leaves the feed.
  const fingerprint = createHash("sha256").update(`${timeZone};${appUrl};`);
  for (const step of [...steps].sort((a, b) => a.id.localeCompare(b.id))) fingerprint.update(`${step.id}:${step.version}:${step.status};`);
  for (const item of [...upcoming].sort((a, b) => a.id.localeCompare(b.id))) fingerprint.update(`${item.id}:${item.updatedAt.getTime()};`);
  const times = [...steps.map((step) => step.updatedAt.getTime()), ...upcoming.map((item) => item.updatedAt.getTime())];
  return {
    steps,
    interviews: upcoming,
    lastModified: new Date(times.length ? Math.max(...times) : 0),
    etag: `"${fingerprint.digest("hex")}"`,
  };
}

import { randomBytes, randomUUID } from "node:crypto";
import { sql as raw } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { planSteps, sessions, users } from "@/lib/db/schema";
import { createInterview } from "@/lib/interviews/mutations";
import { interviewInputSchema } from "@/lib/interviews/schemas";
import { hashSessionToken } from "@/lib/auth/session-token";

export const BENCH_ZONE = "Europe/Berlin";

// A job seeker with `count` interviews spread over the past months, two
// interviewers each (five steps per interview), through the real create path.
// Steps that were due more than two days ago are marked done, as an active user would.
export async function seedUser(count: number, now: Date) {
  const db = getDb();
  const userId = randomUUID();
  await db.insert(users).values({ id: userId, email: `bench-${userId}@example.test`, timeZone: BENCH_ZONE });
  const start = DateTime.fromJSDate(now, { zone: BENCH_ZONE }).minus({ days: 180 });
  for (let index = 0; index < count; index++) {
    const startsAt = start.plus({ hours: Math.floor((index * 180 * 24) / count) }).set({ minute: 0 });
    const input = interviewInputSchema.parse({
      company: `Company ${index}`,
      role: "Data Engineer",
      stage: index % 3 === 0 ? "phone_screen" : "onsite",
      startsAtLocal: startsAt.toFormat("yyyy-MM-dd'T'HH:mm"),
      timeZone: BENCH_ZONE,
      durationMinutes: "45",
      decisionKind: index % 2 === 0 ? "days" : "none",
      decisionWithinDays: "10",
      interviewers: [
        { name: `Interviewer A${index}`, email: `a${index}@example.test` },
        { name: `Interviewer B${index}`, email: `b${index}@example.test` },
      ],
    });
    await createInterview({ userId, input, now });
  }
  const cutoff = DateTime.fromJSDate(now).minus({ days: 2 }).toJSDate();
  await db
    .update(planSteps)
    .set({ status: "done", completedAt: planSteps.dueAt })
    .where(raw`${planSteps.userId} = ${userId} and ${planSteps.status} = 'pending' and ${planSteps.dueAt} < ${cutoff.toISOString()}`);
  const [counts] = await db.execute<{ steps: number; pending: number }>(
    raw`select count(*)::int as steps, count(*) filter (where status = 'pending')::int as pending from plan_step where user_id = ${userId}`,
  );
  const sessionToken = randomBytes(32).toString("hex");
  await db.insert(sessions).values({ sessionToken: hashSessionToken(sessionToken), userId, expires: DateTime.fromJSDate(now).plus({ days: 1 }).toJSDate() });
  return { userId, sessionToken, steps: counts?.steps ?? 0, pending: counts?.pending ?? 0 };
}

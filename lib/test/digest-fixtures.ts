import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { digestRuns, interviewers, interviews, opportunities, planSteps } from "@/lib/db/schema";
import { createTestUser } from "@/lib/test/factories";
import type { TestSmtpServer } from "@/lib/test/smtp-server";

// Test support for the digest: users who asked for it, with steps due when the test says.

type DigestUserOptions = {
  timeZone: string;
  hour: number;
  weekdays?: number[];
  weeklyIdle?: boolean;
};

export async function createDigestUser({ timeZone, hour, weekdays = [1, 2, 3, 4, 5, 6, 7], weeklyIdle = false }: DigestUserOptions) {
  const user = await createTestUser({ timeZone, digestEnabled: true, digestHour: hour, digestWeekdays: weekdays, digestWeeklyIdle: weeklyIdle });
  return user;
}

/** One interview with one pending step of `kind`, due at `dueAt`. */
export async function addPendingStep({
  userId,
  dueAt,
  kind = "thank_you",
  company = "Acme Analytics",
}: {
  userId: string;
  dueAt: Date;
  kind?: "thank_you" | "follow_up" | "call";
  company?: string;
}) {
  const db = getDb();
  const [opportunity] = await db.insert(opportunities).values({ userId, company, role: "Data Engineer" }).returning({ id: opportunities.id });
  const [interview] = await db
    .insert(interviews)
    .values({ userId, opportunityId: opportunity!.id, stage: "onsite", startsAt: new Date(dueAt.getTime() - 86_400_000), timeZone: "UTC" })
    .returning({ id: interviews.id });
  const [person] = await db
    .insert(interviewers)
    .values({ userId, interviewId: interview!.id, position: 0, name: "Jane Doe", email: "jane@acme.example" })
    .returning({ id: interviewers.id });
  const [step] = await db
    .insert(planSteps)
    .values({
      userId,
      interviewId: interview!.id,
      key: `${kind}:${randomUUID()}`,
      kind,
      interviewerId: person!.id,
      dueAt,
      reason: `Planned by the test for ${company}.`,
    })
    .returning({ id: planSteps.id });
  return { stepId: step!.id, interviewId: interview!.id };
}

export async function readDigestRuns(userId: string) {
  return getDb().select().from(digestRuns).where(eq(digestRuns.userId, userId)).orderBy(digestRuns.localDate);
}

export function mailsTo(smtp: TestSmtpServer, address: string) {
  return smtp.received.filter((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value.some((to) => to.address === address));
}

/** Waits until no digest job is waiting, retrying or running (the worker polls on its own). */
export async function waitForDigestJobs(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from pgboss.job where name = 'digest-send' and state < 'completed'`);
    if (row!.count === 0) return;
    if (Date.now() > deadline) throw new Error(`${row!.count} digest jobs still open`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

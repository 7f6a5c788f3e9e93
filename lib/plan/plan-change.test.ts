import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { planSteps } from "../db/schema";
import { saveGoogleSetting } from "../google/connection";
import { createUserWithGoogleAccount } from "@/lib/test/google-fixtures";
import { createInterview } from "../interviews/mutations";
import { getQueue } from "../jobs/queue";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { markStepDone } from "./step-actions";
import { syncInterviewPlans } from "./sync";
import { undoPlanChange } from "./undo";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");
// interviewInput(): a thank-you to each of its two interviewers, two follow-ups, move on
const PLANNED_STEPS = 5;
const CALENDAR_SCOPE = "openid email profile https://www.googleapis.com/auth/calendar.app.created";

async function calendarUser() {
  const user = await createUserWithGoogleAccount({
    accessToken: `a-${randomUUID()}`,
    refreshToken: `r-${randomUUID()}`,
    expiresAt: NOW.getTime() / 1000 + 3600,
    scope: CALENDAR_SCOPE,
  });
  await saveGoogleSetting({ userId: user.id, values: { calendarPush: true }, now: NOW });
  return user;
}

// read on a connection of its own: what a worker polling the queue would see
async function queuedPushes(userId: string): Promise<number> {
  await getQueue();
  const rows = await getDb().execute<{ count: number }>(
    sql`select count(*)::int as count from pgboss.job where name = 'calendar-push' and singleton_key = ${userId} and data->>'userId' = ${userId}`,
  );
  return rows[0]?.count ?? 0;
}

async function stepCount(userId: string): Promise<number> {
  return (await getDb().select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.userId, userId))).length;
}

describe("the plan-change event", () => {
  it("queues one calendar push with the change, seen by the worker only once the change commits", async () => {
    const user = await calendarUser();
    const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    await getDb().execute(sql`delete from pgboss.job where singleton_key = ${user.id}`);

    let seenBeforeCommit = -1;
    await getDb().transaction(async (tx) => {
      await syncInterviewPlans(tx, { userId: user.id, interviewIds: [interviewId], now: new Date(NOW.getTime() + 60_000) });
      seenBeforeCommit = await queuedPushes(user.id);
    });

    expect(seenBeforeCommit).toBe(0);
    expect(await queuedPushes(user.id)).toBe(1);
  });

  it("leaves no calendar push behind when the change rolls back", async () => {
    const user = await calendarUser();
    const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    await getDb().execute(sql`delete from pgboss.job where singleton_key = ${user.id}`);

    const rolledBack = getDb().transaction(async (tx) => {
      await syncInterviewPlans(tx, { userId: user.id, interviewIds: [interviewId], now: NOW });
      throw new Error("the rest of the change failed");
    });

    await expect(rolledBack).rejects.toThrow("the rest of the change failed");
    expect(await queuedPushes(user.id)).toBe(0);
  });

  it("announces a deleted interview's change too, though no interview is left to plan", async () => {
    const user = await calendarUser();
    await getDb().execute(sql`delete from pgboss.job where singleton_key = ${user.id}`);

    await getDb().transaction((tx) => syncInterviewPlans(tx, { userId: user.id, interviewIds: [], now: NOW }));

    expect(await queuedPushes(user.id)).toBe(1);
  });

  it("is announced by Undo too, which puts steps back without re-planning", async () => {
    const user = await calendarUser();
    const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    const [thankYou] = await getDb()
      .select({ id: planSteps.id })
      .from(planSteps)
      .where(and(eq(planSteps.interviewId, interviewId), eq(planSteps.kind, "thank_you")))
      .limit(1);
    const { undoId } = await markStepDone({ userId: user.id, stepId: thankYou!.id, now: NOW });
    await getDb().execute(sql`delete from pgboss.job where singleton_key = ${user.id}`);

    await undoPlanChange({ userId: user.id, undoId, now: NOW });

    expect(await queuedPushes(user.id)).toBe(1);
  });

  it("queues nothing for a user without calendar push", async () => {
    const user = await createTestUser();

    await createInterview({ userId: user.id, input: interviewInput(), now: NOW });

    expect(await stepCount(user.id)).toBe(PLANNED_STEPS);
    expect(await queuedPushes(user.id)).toBe(0);
  });

  it("keeps the user's change when its calendar push cannot be queued", async () => {
    const user = await calendarUser();
    await getQueue();
    // the queue refuses this user's jobs, as a full disk or a broken pg-boss table would
    await getDb().execute(
      sql.raw(`create function pgboss.refuse_test_push() returns trigger language plpgsql as $$
        begin
          if new.singleton_key = '${user.id}' then raise exception 'queue refused the job'; end if;
          return new;
        end $$`),
    );
    await getDb().execute(sql`create trigger refuse_test_push before insert on pgboss.job for each row execute function pgboss.refuse_test_push()`);

    await createInterview({ userId: user.id, input: interviewInput(), now: NOW });

    expect(await stepCount(user.id)).toBe(PLANNED_STEPS);
    expect(await queuedPushes(user.id)).toBe(0);
  });
});

import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createInterview, deleteInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { markStepDone } from "../plan/step-actions";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { interviewers, interviews, opportunities, planSteps, replies, users } from "./schema";

setupTestDatabase();

const NOW = new Date("2026-11-17T16:30:00Z");

async function versionOf(userId: string): Promise<number> {
  const [row] = await getDb().select({ dataVersion: users.dataVersion }).from(users).where(eq(users.id, userId));
  if (!row) throw new Error(`no user ${userId}`);
  return row.dataVersion;
}

async function userWithInterview() {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
  const [step] = await getDb().select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.interviewId, interviewId)).limit(1);
  const [interview] = await getDb().select({ opportunityId: interviews.opportunityId }).from(interviews).where(eq(interviews.id, interviewId));
  return { userId: user.id, interviewId, stepId: step!.id, opportunityId: interview!.opportunityId };
}

// drizzle/0016: what the dashboard cache checks (docs/architecture.md "The dashboard cache")
describe("the user's data version", () => {
  it("moves when an interview is logged, with its opportunity, interviewers and steps", async () => {
    const user = await createTestUser();
    const before = await versionOf(user.id);
    await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
    expect(await versionOf(user.id)).not.toBe(before);
  });

  it("moves on every table the dashboard shows: an opportunity, interview, interviewer, step or reply changed by any path", async () => {
    const { userId, interviewId, stepId, opportunityId } = await userWithInterview();
    const changes: [string, () => Promise<unknown>][] = [
      ["opportunity renamed", () => getDb().update(opportunities).set({ company: "Renamed Co" }).where(eq(opportunities.id, opportunityId))],
      ["interview moved", () => getDb().update(interviews).set({ stage: "onsite" }).where(eq(interviews.id, interviewId))],
      ["interviewer renamed", () => getDb().update(interviewers).set({ name: "Jane Roe" }).where(eq(interviewers.interviewId, interviewId))],
      ["step marked done", () => markStepDone({ userId, stepId, now: NOW })],
      ["reply stored (as the mailbox check stores one)", () => getDb().insert(replies).values({ userId, interviewId, receivedAt: NOW, source: "imap", externalId: "<1@example.test>" })],
      ["reply recorded by hand", () => recordOutcome({ userId, opportunityId, outcome: "replied", now: NOW })],
      ["interview deleted", () => deleteInterview({ userId, interviewId, now: NOW })],
    ];
    for (const [change, run] of changes) {
      const before = await versionOf(userId);
      await run();
      expect({ change, moved: (await versionOf(userId)) !== before }).toEqual({ change, moved: true });
    }
  });

  it("is the id of the transaction that changed the data, set once however many rows it wrote", async () => {
    const { userId } = await userWithInterview();
    const transactionId = await getDb().transaction(async (tx) => {
      await tx.update(planSteps).set({ reason: "moved by hand" }).where(eq(planSteps.userId, userId));
      const [row] = await tx.execute<{ id: string }>(sql`select pg_current_xact_id()::text as id`);
      return Number(row!.id);
    });
    expect(await versionOf(userId)).toBe(transactionId);
  });

  it("stays when another user's data changes, when nothing the dashboard shows changes, and when the change rolls back", async () => {
    const { userId } = await userWithInterview();
    const other = await userWithInterview();
    const before = await versionOf(userId);
    await getDb().update(planSteps).set({ reason: "theirs" }).where(eq(planSteps.userId, other.userId));
    await getDb().update(users).set({ signature: "Sam" }).where(eq(users.id, userId));
    await expect(
      getDb().transaction(async (tx) => {
        await tx.update(planSteps).set({ reason: "rolled back" }).where(eq(planSteps.userId, userId));
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await versionOf(userId)).toBe(before);
  });
});

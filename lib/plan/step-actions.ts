import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Database } from "@/lib/db/client";
import { interviews, opportunities, planSteps } from "@/lib/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import type { Executor } from "@/lib/db/client";
import { syncInterviewPlans } from "./sync";
import { capturePlan, savePlanUndo, type PlanChange } from "./undo";

type StepChange = { userId: string; stepId: string; now: Date };

type ChangedStep = { undoId: string | null };

async function changeStep(
  { userId, stepId, now }: StepChange,
  values: Partial<typeof planSteps.$inferInsert>,
  change: PlanChange | null,
): Promise<ChangedStep> {
  return db.transaction(async (tx) => {
    // the opportunity first, as an outcome locks it: one plan change at a time per opportunity
    const [owner] = await tx
      .select({ opportunityId: interviews.opportunityId })
      .from(planSteps)
      .innerJoin(interviews, eq(interviews.id, planSteps.interviewId))
      .where(and(eq(planSteps.id, stepId), eq(planSteps.userId, userId)));
    if (!owner) throw new NotFoundError("Step not found");
    await tx
      .select({ id: opportunities.id })
      .from(opportunities)
      .where(and(eq(opportunities.id, owner.opportunityId), eq(opportunities.userId, userId)))
      .for("update");
    const [step] = await tx
      .select({ id: planSteps.id, interviewId: planSteps.interviewId, status: planSteps.status, version: planSteps.version })
      .from(planSteps)
      .where(and(eq(planSteps.id, stepId), eq(planSteps.userId, userId)))
      .for("update");
    if (!step) throw new NotFoundError("Step not found");
    if (step.status !== "pending") throw new UserFacingError("This step is no longer pending.");
    const before = change ? await capturePlan(tx, { userId, opportunityId: owner.opportunityId }) : null;
    await tx
      .update(planSteps)
      .set({ ...values, version: step.version + 1, updatedAt: now })
      .where(eq(planSteps.id, step.id));
    // later steps count from when this one was really done (docs/rules.md "Follow-ups")
    await syncInterviewPlans(tx, { userId, interviewIds: [step.interviewId], now });
    if (!change || !before) return { undoId: null };
    return { undoId: await savePlanUndo(tx, { userId, opportunityId: owner.opportunityId, change, before }) };
  });
}

/** docs/rules.md "Undo": returns the id that undoes it. */
export async function markStepDone(change: StepChange): Promise<{ undoId: string }> {
  const { undoId } = await changeStep(change, { status: "done", completedAt: change.now }, "done");
  return { undoId: undoId! };
}

/** docs/rules.md "Undo": returns the id that undoes it. */
export async function skipStep(change: StepChange): Promise<{ undoId: string }> {
  const { undoId } = await changeStep(change, { status: "skipped", completedAt: change.now }, "skipped");
  return { undoId: undoId! };
}

export async function snoozeStep(change: StepChange & { until: Date }): Promise<void> {
  if (change.until <= change.now) throw new UserFacingError("Pick a time in the future.", { until: ["Pick a time in the future"] });
  await changeStep(change, { snoozedUntil: change.until, dueAt: change.until }, null);
}

/**
 * Messages for these steps left (lib/mail): each step is done as of its send,
 * and later steps count from then (docs/rules.md "Follow-ups"), so the interviews
 * are re-planned, once for all of them. A step already closed (done by hand,
 * skipped, cancelled) stays as it is.
 */
export async function markStepsSent(
  tx: Executor & Pick<Database, "execute">,
  { userId, steps, now }: { userId: string; steps: { stepId: string; sentAt: Date }[]; now: Date },
): Promise<void> {
  if (steps.length === 0) return;
  const sentAt = sql.join(
    steps.map(({ stepId, sentAt: at }) => sql`(${stepId}::uuid, ${at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  // one statement for the batch; a step already closed is left as it is
  const closed = await tx.execute<{ interview_id: string }>(sql`
    update ${planSteps} set status = 'done', completed_at = sent.at, version = ${planSteps.version} + 1, updated_at = ${now.toISOString()}::timestamptz
    from (values ${sentAt}) as sent(id, at)
    where ${planSteps.id} = sent.id and ${planSteps.userId} = ${userId} and ${planSteps.status} = 'pending'
    returning ${planSteps.interviewId} as interview_id`);
  const interviewIds = [...new Set(closed.map((row) => row.interview_id))];
  if (interviewIds.length > 0) await syncInterviewPlans(tx, { userId, interviewIds, now });
}

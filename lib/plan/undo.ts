import "server-only";
import { and, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { drafts, interviews, opportunities, outboundMessages, planSteps, planUndos, replies } from "@/lib/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { enqueue, QUEUES } from "@/lib/jobs/queue";
import { logError } from "@/lib/log";
import { announcePlanChange } from "./plan-change";
import type { Executor } from "@/lib/db/client";
import type { OpportunityStatus } from "./types";

// docs/rules.md "Undo": a reply, an outcome, "Mark done" and "Skip" each keep a
// snapshot of the opportunity's plan from before them, written in the change's
// own transaction; Undo puts that plan back once, as long as nothing changed since.

/** Older snapshots of an opportunity are deleted: only the latest changes can be undone. */
export const UNDOS_KEPT_PER_OPPORTUNITY = 5;

export type PlanChange = "replied" | `outcome:${OpportunityStatus}` | "done" | "skipped";


const instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

// The columns the plan engine, "Mark done", "Skip" and "Snooze" write: all of them come back.
const stepStateSchema = z.object({
  id: z.uuid(),
  interviewId: z.uuid(),
  kind: z.enum(["thank_you", "letter", "follow_up", "call", "move_on", "gracious_reply"]),
  interviewerId: z.uuid().nullable(),
  sequence: z.number().int().nullable(),
  dueAt: instant,
  deadlineAt: instant.nullable(),
  status: z.enum(["pending", "done", "skipped", "cancelled"]),
  reason: z.string(),
  variant: z.string().nullable(),
  requiresOverride: z.boolean(),
  snoozedUntil: instant.nullable(),
  completedAt: instant.nullable(),
  version: z.number().int(),
});

const messageStateSchema = z.object({
  id: z.uuid(),
  sendAt: instant,
  lastError: z.string().nullable(),
  lastErrorAt: instant.nullable(),
  updatedAt: instant,
});

const opportunityStateSchema = z.object({
  status: z.enum(["active", "offer", "rejected", "withdrawn", "hired"]),
  statusChangedAt: instant.nullable(),
});

const snapshotSchema = z.object({
  before: z.object({ opportunity: opportunityStateSchema, steps: z.array(stepStateSchema) }),
  // what the change left, to tell whether anything changed the plan since
  // (each step's planned fields, not its version: undoing a later change brings those back, with new versions)
  after: z.object({ status: opportunityStateSchema.shape.status, steps: z.record(z.string(), z.string()) }),
  createdReplyIds: z.array(z.uuid()),
  // scheduled messages the change cancelled (lib/mail/closed-steps.ts), as they were, and when they were cancelled
  cancelledMessages: z.array(messageStateSchema.extend({ cancelledAt: instant })),
});

type StepState = z.input<typeof stepStateSchema>;
type Snapshot = z.input<typeof snapshotSchema>;

export type PlanState = {
  opportunity: z.input<typeof opportunityStateSchema>;
  steps: StepState[];
  scheduledMessages: z.input<typeof messageStateSchema>[];
};

const iso = (value: Date) => value.toISOString();

// The fields Undo restores, as one comparable string.
function fingerprintStep(step: typeof planSteps.$inferSelect): string {
  const time = (value: Date | null) => value?.getTime() ?? null;
  return JSON.stringify([
    step.kind,
    step.interviewerId,
    step.sequence,
    time(step.dueAt),
    time(step.deadlineAt),
    step.status,
    step.reason,
    step.variant,
    step.requiresOverride,
    time(step.snoozedUntil),
    time(step.completedAt),
  ]);
}
const isoOrNull = (value: Date | null) => (value ? value.toISOString() : null);

function opportunityInterviewIds(userId: string, opportunityId: string) {
  return db
    .select({ id: interviews.id })
    .from(interviews)
    .where(and(eq(interviews.userId, userId), eq(interviews.opportunityId, opportunityId)));
}

async function readSteps(tx: Executor, userId: string, opportunityId: string, { lock }: { lock: boolean }) {
  const query = tx
    .select()
    .from(planSteps)
    .where(and(eq(planSteps.userId, userId), inArray(planSteps.interviewId, opportunityInterviewIds(userId, opportunityId))));
  return lock ? query.for("update") : query;
}

/** The opportunity's plan as it is now; call it inside the change's transaction, before the change. */
export async function capturePlan(tx: Executor, { userId, opportunityId }: { userId: string; opportunityId: string }): Promise<PlanState> {
  const [[opportunity], steps, messages] = await Promise.all([
    tx
      .select({ status: opportunities.status, statusChangedAt: opportunities.statusChangedAt })
      .from(opportunities)
      .where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId))),
    readSteps(tx, userId, opportunityId, { lock: false }),
    tx
      .select({
        id: outboundMessages.id,
        sendAt: outboundMessages.sendAt,
        lastError: outboundMessages.lastError,
        lastErrorAt: outboundMessages.lastErrorAt,
        updatedAt: outboundMessages.updatedAt,
      })
      .from(outboundMessages)
      .where(
        and(
          eq(outboundMessages.userId, userId),
          inArray(outboundMessages.interviewId, opportunityInterviewIds(userId, opportunityId)),
          eq(outboundMessages.status, "scheduled"),
        ),
      ),
  ]);
  if (!opportunity) throw new NotFoundError("Opportunity not found");
  return {
    opportunity: { status: opportunity.status, statusChangedAt: isoOrNull(opportunity.statusChangedAt) },
    steps: steps.map((step) => ({
      id: step.id,
      interviewId: step.interviewId,
      kind: step.kind,
      interviewerId: step.interviewerId,
      sequence: step.sequence,
      dueAt: iso(step.dueAt),
      deadlineAt: isoOrNull(step.deadlineAt),
      status: step.status,
      reason: step.reason,
      variant: step.variant,
      requiresOverride: step.requiresOverride,
      snoozedUntil: isoOrNull(step.snoozedUntil),
      completedAt: isoOrNull(step.completedAt),
      version: step.version,
    })),
    scheduledMessages: messages.map((message) => ({
      id: message.id,
      sendAt: iso(message.sendAt),
      lastError: message.lastError,
      lastErrorAt: isoOrNull(message.lastErrorAt),
      updatedAt: iso(message.updatedAt),
    })),
  };
}

/**
 * Keeps `before` for Undo; call it inside the change's transaction, after the
 * change and its re-plan. Returns the id the user undoes it by.
 */
export async function savePlanUndo(
  tx: Executor,
  {
    userId,
    opportunityId,
    change,
    before,
    createdReplyIds = [],
  }: { userId: string; opportunityId: string; change: PlanChange; before: PlanState; createdReplyIds?: string[] },
): Promise<string> {
  const beforeIds = before.scheduledMessages.map((message) => message.id);
  const [[opportunity], steps, cancelled] = await Promise.all([
    tx.select({ status: opportunities.status }).from(opportunities).where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId))),
    readSteps(tx, userId, opportunityId, { lock: false }),
    beforeIds.length
      ? tx
          .select({ id: outboundMessages.id, updatedAt: outboundMessages.updatedAt })
          .from(outboundMessages)
          .where(and(eq(outboundMessages.userId, userId), inArray(outboundMessages.id, beforeIds), eq(outboundMessages.status, "cancelled")))
      : Promise.resolve([]),
  ]);
  const cancelledAt = new Map(cancelled.map((message) => [message.id, message.updatedAt]));
  const snapshot: Snapshot = {
    before: { opportunity: before.opportunity, steps: before.steps },
    after: { status: opportunity!.status, steps: Object.fromEntries(steps.map((step) => [step.id, fingerprintStep(step)])) },
    createdReplyIds,
    cancelledMessages: before.scheduledMessages
      .filter((message) => cancelledAt.has(message.id))
      .map((message) => ({ ...message, cancelledAt: iso(cancelledAt.get(message.id)!) })),
  };
  // the database's clock, not the change's `now`: it orders the snapshots, and two changes never share it
  const [saved] = await tx
    .insert(planUndos)
    .values({ userId, opportunityId, action: change, snapshot, createdAt: sql`clock_timestamp()` })
    .returning({ id: planUndos.id });
  const kept = tx
    .select({ id: planUndos.id })
    .from(planUndos)
    .where(and(eq(planUndos.userId, userId), eq(planUndos.opportunityId, opportunityId)))
    .orderBy(desc(planUndos.createdAt))
    .limit(UNDOS_KEPT_PER_OPPORTUNITY);
  await tx
    .delete(planUndos)
    .where(and(eq(planUndos.userId, userId), eq(planUndos.opportunityId, opportunityId), notInArray(planUndos.id, kept)));
  return saved!.id;
}

function isSameInstant(a: Date | null, b: Date | null): boolean {
  return (a?.getTime() ?? null) === (b?.getTime() ?? null);
}

type RestoredStep = z.output<typeof stepStateSchema>;

function differs(row: typeof planSteps.$inferSelect, step: RestoredStep): boolean {
  return (
    row.kind !== step.kind ||
    row.interviewerId !== step.interviewerId ||
    row.sequence !== step.sequence ||
    !isSameInstant(row.dueAt, step.dueAt) ||
    !isSameInstant(row.deadlineAt, step.deadlineAt) ||
    row.status !== step.status ||
    row.reason !== step.reason ||
    row.variant !== step.variant ||
    row.requiresOverride !== step.requiresOverride ||
    !isSameInstant(row.snoozedUntil, step.snoozedUntil) ||
    !isSameInstant(row.completedAt, step.completedAt)
  );
}

const PLAN_CHANGED_SINCE = "The plan changed after this (a message went out, or something else was recorded), so it can't be undone any more.";

// The undo that can still be taken: the latest one not yet taken, for a plan nothing changed since.
async function findApplicableUndo(tx: Executor, { userId, opportunityId }: { userId: string; opportunityId: string }) {
  const [latest] = await tx
    .select()
    .from(planUndos)
    .where(and(eq(planUndos.userId, userId), eq(planUndos.opportunityId, opportunityId), isNull(planUndos.undoneAt)))
    .orderBy(desc(planUndos.createdAt))
    .limit(1);
  return latest;
}

function isUnchangedSince(snapshot: z.output<typeof snapshotSchema>, status: OpportunityStatus, steps: (typeof planSteps.$inferSelect)[]): boolean {
  const planned = snapshot.after.steps;
  return (
    snapshot.after.status === status &&
    steps.length === Object.keys(planned).length &&
    steps.every((step) => planned[step.id] === fingerprintStep(step))
  );
}

export type UndoOffer = { id: string; change: PlanChange; at: Date };

/** What the interview page offers to undo: the opportunity's latest change, while nothing changed since. */
export async function findUndoOffer({ userId, opportunityId }: { userId: string; opportunityId: string }): Promise<UndoOffer | null> {
  const latest = await findApplicableUndo(db, { userId, opportunityId });
  if (!latest) return null;
  const snapshot = snapshotSchema.safeParse(latest.snapshot);
  if (!snapshot.success) return null;
  const [[opportunity], steps] = await Promise.all([
    db.select({ status: opportunities.status }).from(opportunities).where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId))),
    readSteps(db, userId, opportunityId, { lock: false }),
  ]);
  if (!opportunity || !isUnchangedSince(snapshot.data, opportunity.status, steps)) return null;
  return { id: latest.id, change: latest.action as PlanChange, at: latest.createdAt };
}

export type UndoResult = { opportunityId: string; change: PlanChange };

/**
 * Puts back the plan from before the change: every step's status, due time,
 * snooze and completion (version + 1 where it differs, so calendars update),
 * the opportunity's status, and the messages the change cancelled; deletes the
 * reply it recorded and the steps it added. Once, for its own user, and only
 * while nothing changed the plan since.
 */
export async function undoPlanChange({ userId, undoId, now }: { userId: string; undoId: string; now: Date }): Promise<UndoResult> {
  if (!isUuid(undoId)) throw new NotFoundError("Nothing to undo");
  const { result, restoredMessages } = await db.transaction(async (tx) => {
    const [undo] = await tx
      .select()
      .from(planUndos)
      .where(and(eq(planUndos.id, undoId), eq(planUndos.userId, userId)))
      .for("update");
    if (!undo) throw new NotFoundError("Nothing to undo");
    if (undo.undoneAt) throw new UserFacingError("This was already undone.");
    const { opportunityId } = undo;
    const [opportunity] = await tx
      .select({ status: opportunities.status })
      .from(opportunities)
      .where(and(eq(opportunities.id, opportunityId), eq(opportunities.userId, userId)))
      .for("update");
    if (!opportunity) throw new NotFoundError("Nothing to undo");
    const latest = await findApplicableUndo(tx, { userId, opportunityId });
    const snapshot = snapshotSchema.parse(undo.snapshot);
    const current = await readSteps(tx, userId, opportunityId, { lock: true });
    if (latest?.id !== undo.id || !isUnchangedSince(snapshot, opportunity.status, current)) throw new UserFacingError(PLAN_CHANGED_SINCE);

    const restored = new Map(snapshot.before.steps.map((step) => [step.id, step]));
    const added = current.filter((row) => !restored.has(row.id)).map((row) => row.id);
    if (added.length > 0) {
      // a step the change added, once the user wrote or queued its message, is theirs to keep
      const [[written], [queued]] = await Promise.all([
        tx
          .select({ id: drafts.id })
          .from(drafts)
          .where(and(eq(drafts.userId, userId), inArray(drafts.stepId, added), or(eq(drafts.isEdited, true), eq(drafts.status, "approved"))))
          .limit(1),
        tx
          .select({ id: outboundMessages.id })
          .from(outboundMessages)
          .where(and(eq(outboundMessages.userId, userId), inArray(outboundMessages.stepId, added)))
          .limit(1),
      ]);
      if (written || queued) throw new UserFacingError(PLAN_CHANGED_SINCE);
      await tx.delete(planSteps).where(and(eq(planSteps.userId, userId), inArray(planSteps.id, added)));
      // the calendar feed's validator reads the latest change; a deleted row leaves none
      const touched = [...new Set(current.filter((row) => added.includes(row.id)).map((row) => row.interviewId))];
      await tx.update(interviews).set({ updatedAt: now }).where(and(eq(interviews.userId, userId), inArray(interviews.id, touched)));
    }
    for (const row of current) {
      const step = restored.get(row.id);
      if (!step || !differs(row, step)) continue;
      const { id: _id, interviewId: _interviewId, version: _version, ...columns } = step;
      await tx
        .update(planSteps)
        .set({ ...columns, version: row.version + 1, updatedAt: now })
        .where(and(eq(planSteps.id, row.id), eq(planSteps.userId, userId)));
    }
    // the one writer of plan steps besides sync: it says so itself (docs/architecture.md "The plan-change event")
    await announcePlanChange({ userId, transaction: tx });
    if (snapshot.createdReplyIds.length > 0) {
      await tx.delete(replies).where(and(eq(replies.userId, userId), inArray(replies.id, snapshot.createdReplyIds)));
    }
    const restoredMessages: { id: string; sendAt: Date }[] = [];
    for (const { id, sendAt, lastError, lastErrorAt, updatedAt, cancelledAt } of snapshot.cancelledMessages) {
      // only while it is still as the change left it (not sent again or re-queued since)
      const [message] = await tx
        .update(outboundMessages)
        .set({ status: "scheduled", lastError, lastErrorAt, updatedAt })
        .where(
          and(
            eq(outboundMessages.id, id),
            eq(outboundMessages.userId, userId),
            eq(outboundMessages.status, "cancelled"),
            eq(outboundMessages.updatedAt, cancelledAt),
          ),
        )
        .returning({ id: outboundMessages.id });
      if (message) restoredMessages.push({ id, sendAt });
    }
    const { status, statusChangedAt } = snapshot.before.opportunity;
    if (status !== opportunity.status) {
      await tx.update(opportunities).set({ status, statusChangedAt, updatedAt: now }).where(eq(opportunities.id, opportunityId));
    }
    await tx.update(planUndos).set({ undoneAt: now }).where(eq(planUndos.id, undo.id));
    return { result: { opportunityId, change: undo.action as PlanChange }, restoredMessages };
  });
  // After commit, so the worker finds the row scheduled. A job left from before
  // the cancel may also run: only one claim of the row can send it (lib/mail/delivery.ts).
  for (const message of restoredMessages) {
    await enqueue(QUEUES.outboxSend, { messageId: message.id }, { startAfter: message.sendAt }).catch((error: unknown) =>
      // the outbox sweep gives a scheduled message without a job its job
      logError("undo.message_not_enqueued", error, { userId, messageId: message.id }),
    );
  }
  return result;
}

import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { interviews, opportunities, outboundMessages, planSteps, planUndos, replies } from "../db/schema";
import { getInterview } from "../interviews/queries";
import { createInterview } from "../interviews/mutations";
import { recordOutcome } from "../interviews/outcomes";
import { STEP_CLOSED_REASON } from "../mail/closed-steps";
import { queueStepMessage } from "../mail/outbox";
import { approveStepDraft } from "@/lib/test/mail-fixtures";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestUser, interviewInput } from "../test/factories";
import { markStepDone, skipStep, snoozeStep } from "./step-actions";
import { findUndoOffer, undoPlanChange, UNDOS_KEPT_PER_OPPORTUNITY } from "./undo";

setupTestDatabase();

// Interview: Tue 17 Nov 2026 15:00-16:00 Berlin, decision by Sat 28 Nov.
const NOW = new Date("2026-11-17T16:30:00Z");
const LATER = new Date("2026-11-17T16:31:00Z");

async function setup() {
  const user = await createTestUser({ timeZone: "Europe/Berlin" });
  const { interviewId } = await createInterview({ userId: user.id, input: interviewInput(), now: NOW });
  const { opportunity } = await getInterview({ userId: user.id, interviewId });
  return { user, interviewId, opportunityId: opportunity.id };
}

async function readSteps(interviewId: string) {
  return getDb().select().from(planSteps).where(eq(planSteps.interviewId, interviewId)).orderBy(planSteps.key);
}

// The plan as the user and the calendar see it: everything but the version and the change time.
async function readPlan(interviewId: string, opportunityId: string) {
  const steps = (await readSteps(interviewId)).map(({ version: _version, updatedAt: _updatedAt, createdAt: _createdAt, ...step }) => step);
  const [opportunity] = await getDb()
    .select({ status: opportunities.status, statusChangedAt: opportunities.statusChangedAt })
    .from(opportunities)
    .where(eq(opportunities.id, opportunityId));
  const replyRows = await getDb().select({ id: replies.id }).from(replies).where(eq(replies.interviewId, interviewId));
  return { steps, opportunity, replies: replyRows };
}

function versionsOf(rows: { id: string; version: number }[]) {
  return Object.fromEntries(rows.map((row) => [row.id, row.version]));
}

describe('docs/rules.md "Undo"', () => {
  it("undo after a reply restores exactly the previous plan", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const before = await readPlan(interviewId, opportunityId);
    const { undoId } = await recordOutcome({ userId: user.id, opportunityId, outcome: "replied", now: NOW });
    const changed = await readSteps(interviewId);
    expect(changed.filter((step) => step.kind === "follow_up").map((step) => step.status)).toEqual(["cancelled", "cancelled"]);

    await expect(undoPlanChange({ userId: user.id, undoId, now: LATER })).resolves.toEqual({ opportunityId, change: "replied" });
    expect(await readPlan(interviewId, opportunityId)).toEqual(before);
    // the reply row the button created is gone, and calendars see a new version of each step that changed back
    const restored = await readSteps(interviewId);
    const changedVersions = versionsOf(changed);
    for (const step of restored.filter((row) => row.kind !== "thank_you")) expect(step.version).toBe(changedVersions[step.id]! + 1);
    for (const step of restored.filter((row) => row.kind === "thank_you")) expect(step.version).toBe(changedVersions[step.id]);
  });

  it("undo after an outcome restores the opportunity's status and removes the steps the outcome added", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const before = await readPlan(interviewId, opportunityId);
    const { undoId } = await recordOutcome({ userId: user.id, opportunityId, outcome: "rejected", now: NOW });
    expect((await readSteps(interviewId)).some((step) => step.kind === "gracious_reply")).toBe(true);
    await undoPlanChange({ userId: user.id, undoId, now: LATER });
    const after = await readPlan(interviewId, opportunityId);
    expect(after).toEqual(before);
    expect(after.opportunity).toEqual({ status: "active", statusChangedAt: null });
  });

  it("undo after Mark done or Skip restores the step and the times of the steps planned from it", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const steps = await readSteps(interviewId);
    const followUp = steps.find((step) => step.key === "follow_up:1")!;
    const thankYou = steps.find((step) => step.kind === "thank_you")!;
    const before = await readPlan(interviewId, opportunityId);
    // two days late: the second follow-up moves (docs/rules.md "Follow-ups")
    const done = await markStepDone({ userId: user.id, stepId: followUp.id, now: new Date("2026-12-02T10:00:00Z") });
    expect((await readSteps(interviewId)).find((step) => step.key === "follow_up:2")!.dueAt).not.toEqual(steps.find((step) => step.key === "follow_up:2")!.dueAt);
    await undoPlanChange({ userId: user.id, undoId: done.undoId, now: LATER });
    expect(await readPlan(interviewId, opportunityId)).toEqual(before);

    await snoozeStep({ userId: user.id, stepId: thankYou.id, until: new Date("2026-11-18T12:00:00Z"), now: NOW });
    const snoozed = await readPlan(interviewId, opportunityId);
    const skipped = await skipStep({ userId: user.id, stepId: thankYou.id, now: NOW });
    await undoPlanChange({ userId: user.id, undoId: skipped.undoId, now: LATER });
    expect(await readPlan(interviewId, opportunityId)).toEqual(snoozed);
  });

  it("an undo is usable once", async () => {
    const { user, opportunityId } = await setup();
    const { undoId } = await recordOutcome({ userId: user.id, opportunityId, outcome: "offer", now: NOW });
    await undoPlanChange({ userId: user.id, undoId, now: LATER });
    await expect(undoPlanChange({ userId: user.id, undoId, now: LATER })).rejects.toThrow(/already undone/);
    expect(await findUndoOffer({ userId: user.id, opportunityId })).toBeNull();
  });

  it("another user's undo is not found, and changes nothing", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const { undoId } = await recordOutcome({ userId: user.id, opportunityId, outcome: "withdrawn", now: NOW });
    const changed = await readPlan(interviewId, opportunityId);
    const stranger = await createTestUser();
    await expect(undoPlanChange({ userId: stranger.id, undoId, now: LATER })).rejects.toThrow(/nothing to undo/i);
    await expect(undoPlanChange({ userId: stranger.id, undoId: "not-a-uuid", now: LATER })).rejects.toThrow(/nothing to undo/i);
    expect(await findUndoOffer({ userId: stranger.id, opportunityId })).toBeNull();
    expect(await readPlan(interviewId, opportunityId)).toEqual(changed);
  });

  it("only the latest change can be undone, and not once the plan changed since; undoing it makes the one before undoable", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const before = await readPlan(interviewId, opportunityId);
    const reply = await recordOutcome({ userId: user.id, opportunityId, outcome: "replied", now: NOW });
    const thankYou = (await readSteps(interviewId)).find((step) => step.kind === "thank_you" && step.status === "pending")!;
    const done = await markStepDone({ userId: user.id, stepId: thankYou.id, now: NOW });
    expect(await findUndoOffer({ userId: user.id, opportunityId })).toMatchObject({ id: done.undoId, change: "done" });
    await expect(undoPlanChange({ userId: user.id, undoId: reply.undoId, now: LATER })).rejects.toThrow(/changed after this/);

    await undoPlanChange({ userId: user.id, undoId: done.undoId, now: LATER });
    expect(await findUndoOffer({ userId: user.id, opportunityId })).toMatchObject({ id: reply.undoId, change: "replied" });
    await undoPlanChange({ userId: user.id, undoId: reply.undoId, now: LATER });
    expect(await readPlan(interviewId, opportunityId)).toEqual(before);
  });

  it("an undo is refused once a message went out for a step since (the plan changed under it)", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const { undoId } = await recordOutcome({ userId: user.id, opportunityId, outcome: "replied", now: NOW });
    const thankYou = (await readSteps(interviewId)).find((step) => step.kind === "thank_you")!;
    // what the worker does when the message left (lib/mail/delivery.ts)
    await getDb()
      .update(planSteps)
      .set({ status: "done", completedAt: LATER, version: thankYou.version + 1 })
      .where(eq(planSteps.id, thankYou.id));
    expect(await findUndoOffer({ userId: user.id, opportunityId })).toBeNull();
    await expect(undoPlanChange({ userId: user.id, undoId, now: LATER })).rejects.toThrow(/changed after this/);
  });

  it(`keeps only the latest ${UNDOS_KEPT_PER_OPPORTUNITY} changes of an opportunity`, async () => {
    const { user, opportunityId } = await setup();
    for (let round = 0; round < UNDOS_KEPT_PER_OPPORTUNITY + 2; round++) {
      await recordOutcome({ userId: user.id, opportunityId, outcome: round % 2 === 0 ? "offer" : "active", now: NOW });
    }
    const kept = await getDb()
      .select({ id: planUndos.id })
      .from(planUndos)
      .where(and(eq(planUndos.userId, user.id), eq(planUndos.opportunityId, opportunityId)));
    expect(kept).toHaveLength(UNDOS_KEPT_PER_OPPORTUNITY);
  });
});

describe('docs/rules.md "Undo": a closed step takes its scheduled message with it', () => {
  async function queueThankYou(userId: string, interviewId: string) {
    const thankYou = (await readSteps(interviewId)).find((step) => step.kind === "thank_you")!;
    await approveStepDraft(userId, thankYou.id);
    const message = await queueStepMessage({ userId, stepId: thankYou.id, when: { at: "proposed" }, now: NOW });
    return { thankYou, message };
  }

  async function readMessage(id: string) {
    const [row] = await getDb().select().from(outboundMessages).where(eq(outboundMessages.id, id));
    return row!;
  }

  it("marking a step done cancels its scheduled message at once, saying it won't be sent; undo schedules it again", async () => {
    const { user, interviewId } = await setup();
    const { thankYou, message } = await queueThankYou(user.id, interviewId);
    const { undoId } = await markStepDone({ userId: user.id, stepId: thankYou.id, now: NOW });
    const cancelled = await readMessage(message.id);
    expect(cancelled).toMatchObject({ status: "cancelled", lastError: STEP_CLOSED_REASON });
    expect(cancelled.lastError).toMatch(/^Won't be sent/);

    await undoPlanChange({ userId: user.id, undoId, now: LATER });
    const restored = await readMessage(message.id);
    expect(restored).toMatchObject({ status: "scheduled", lastError: null, lastErrorAt: null, sendAt: message.sendAt, updatedAt: message.updatedAt });
  });

  it("a rejection cancels the scheduled thank-you; a reply leaves it, and cancels the scheduled follow-up", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const { message } = await queueThankYou(user.id, interviewId);
    const rejected = await recordOutcome({ userId: user.id, opportunityId, outcome: "rejected", now: NOW });
    expect((await readMessage(message.id)).status).toBe("cancelled");
    await undoPlanChange({ userId: user.id, undoId: rejected.undoId, now: LATER });
    expect((await readMessage(message.id)).status).toBe("scheduled");

    const followUp = (await readSteps(interviewId)).find((step) => step.key === "follow_up:1")!;
    await approveStepDraft(user.id, followUp.id);
    const queuedFollowUp = await queueStepMessage({ userId: user.id, stepId: followUp.id, when: { at: "proposed" }, now: NOW });
    await recordOutcome({ userId: user.id, opportunityId, outcome: "replied", now: NOW });
    const statuses = await getDb()
      .select({ id: outboundMessages.id, status: outboundMessages.status })
      .from(outboundMessages)
      .where(inArray(outboundMessages.id, [message.id, queuedFollowUp.id]));
    expect(Object.fromEntries(statuses.map((row) => [row.id, row.status]))).toEqual({ [message.id]: "scheduled", [queuedFollowUp.id]: "cancelled" });
  });

  it("undo does not delete a step the change added once its draft was written", async () => {
    const { user, interviewId, opportunityId } = await setup();
    const { undoId } = await recordOutcome({ userId: user.id, opportunityId, outcome: "rejected", now: NOW });
    const gracious = (await readSteps(interviewId)).find((step) => step.kind === "gracious_reply")!;
    await approveStepDraft(user.id, gracious.id);
    await expect(undoPlanChange({ userId: user.id, undoId, now: LATER })).rejects.toThrow(/changed after this/);
    const [still] = await getDb().select({ id: planSteps.id }).from(planSteps).where(eq(planSteps.id, gracious.id));
    expect(still).toEqual({ id: gracious.id });
    const [interview] = await getDb().select({ id: interviews.id }).from(interviews).where(eq(interviews.id, interviewId));
    expect(interview).toEqual({ id: interviewId });
  });
});

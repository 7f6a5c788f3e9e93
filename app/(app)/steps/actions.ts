"use server";

import { z } from "zod";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { recordOutcome, outcomeInputSchema, type Outcome } from "@/lib/interviews/outcomes";
import { markStepDone, skipStep, snoozeStep } from "@/lib/plan/step-actions";
import { undoPlanChange } from "@/lib/plan/undo";
import { getUserSettings } from "@/lib/users/settings";
import { UserFacingError } from "@/lib/errors";
import { toInstant } from "@/lib/validation";
import { localDateTime } from "@/lib/validation/dates";

const stepIdSchema = z.object({ stepId: z.uuid("Unknown step") });
// the plan's pages, and those showing a message a closed step cancelled
const REVALIDATE = ["/dashboard", "/interviews", "/interviews/[id]", "/opportunities", "/outbox", "/drafts/[stepId]"];

// docs/rules.md "Undo": each change hands back the id that undoes it
const markDone = createAction(stepIdSchema, async ({ userId, input }) => {
  const { undoId } = await markStepDone({ userId, stepId: input.stepId, now: new Date() });
  return { revalidate: REVALIDATE, message: "Marked done.", result: { undoId } };
});

const skip = createAction(stepIdSchema, async ({ userId, input }) => {
  const { undoId } = await skipStep({ userId, stepId: input.stepId, now: new Date() });
  return { revalidate: REVALIDATE, message: "Skipped.", result: { undoId } };
});

export async function markStepDoneAction(stepId: string) {
  return markDone({ stepId });
}

export async function skipStepAction(stepId: string) {
  return skip({ stepId });
}

const snoozeSchema = z.object({
  stepId: z.uuid("Unknown step"),
  until: localDateTime("Pick a date and time"),
});

// The picked time is wall-clock time in the user's zone.
export const snoozeStepAction = createFormAction(snoozeSchema, async ({ userId, input }) => {
  const { timeZone } = await getUserSettings({ userId });
  const until = toInstant(input.until, timeZone);
  if (!until) throw new UserFacingError("That time does not exist in your time zone.", { until: ["Pick another time"] });
  await snoozeStep({ userId, stepId: input.stepId, until, now: new Date() });
  return { revalidate: REVALIDATE, message: "Snoozed." };
});

const OUTCOME_MESSAGES: Record<Outcome, string> = {
  replied: "Reply recorded; follow-ups are stopped.",
  offer: "Offer recorded; follow-ups are stopped.",
  rejected: "Rejection recorded; a gracious reply is planned.",
  withdrawn: "Withdrawal recorded; follow-ups are stopped.",
  hired: "Congratulations! Follow-ups are stopped.",
  active: "Reopened; the plan is updated.",
};

const outcome = createAction(outcomeInputSchema, async ({ userId, input }) => {
  const { undoId } = await recordOutcome({ userId, opportunityId: input.opportunityId, outcome: input.outcome, now: new Date() });
  return { revalidate: REVALIDATE, message: OUTCOME_MESSAGES[input.outcome], result: { undoId } };
});

export async function recordOutcomeAction(opportunityId: string, outcomeName: string) {
  return outcome({ opportunityId, outcome: outcomeName });
}

const undoSchema = z.object({ undoId: z.uuid("Nothing to undo") });

const undo = createAction(undoSchema, async ({ userId, input }) => {
  await undoPlanChange({ userId, undoId: input.undoId, now: new Date() });
  return { revalidate: REVALIDATE, message: "Undone: the plan is back as it was." };
});

export async function undoPlanChangeAction(undoId: string) {
  return undo({ undoId });
}

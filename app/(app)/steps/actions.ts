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

const stepId = z.tuple([z.uuid("Unknown step")]);
// the plan's pages, and those showing a message a closed step cancelled
const REVALIDATE = ["/dashboard", "/interviews", "/interviews/[id]", "/opportunities", "/outbox", "/drafts/[stepId]"];

// docs/rules.md "Undo": each change hands back the id that undoes it
export const markStepDoneAction = createAction(stepId, async ({ userId, input: [id], now }) => {
  const { undoId } = await markStepDone({ userId, stepId: id, now });
  return { revalidate: REVALIDATE, message: "Marked done.", result: { undoId } };
});

export const skipStepAction = createAction(stepId, async ({ userId, input: [id], now }) => {
  const { undoId } = await skipStep({ userId, stepId: id, now });
  return { revalidate: REVALIDATE, message: "Skipped.", result: { undoId } };
});

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

// the outcome arrives as any string (the button's value) and is checked here
const outcomeArguments = z.tuple([outcomeInputSchema.shape.opportunityId, z.string().pipe(outcomeInputSchema.shape.outcome)]);

export const recordOutcomeAction = createAction(outcomeArguments, async ({ userId, input: [opportunityId, outcome], now }) => {
  const { undoId } = await recordOutcome({ userId, opportunityId, outcome, now });
  return { revalidate: REVALIDATE, message: OUTCOME_MESSAGES[outcome], result: { undoId } };
});

export const undoPlanChangeAction = createAction(z.tuple([z.uuid("Nothing to undo")]), async ({ userId, input: [undoId], now }) => {
  await undoPlanChange({ userId, undoId, now });
  return { revalidate: REVALIDATE, message: "Undone: the plan is back as it was." };
});

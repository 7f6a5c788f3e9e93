"use server";

import { z } from "zod";
import { createAction, createFormAction } from "@/lib/actions/create-action";
import { recordOutcome, outcomeInputSchema } from "@/lib/interviews/outcomes";
import { markStepDone, skipStep, snoozeStep } from "@/lib/plan/step-actions";
import { getUserSettings } from "@/lib/users/settings";
import { UserFacingError } from "@/lib/errors";
import { toInstant } from "@/lib/validation";
import { localDateTime } from "@/lib/validation/dates";

const stepIdSchema = z.object({ stepId: z.uuid("Unknown step") });
const REVALIDATE = ["/dashboard", "/interviews/[id]"];

const markDone = createAction(stepIdSchema, async ({ userId, input }) => {
  await markStepDone({ userId, stepId: input.stepId, now: new Date() });
  return { revalidate: REVALIDATE, message: "Marked done.", changesPlan: true };
});

const skip = createAction(stepIdSchema, async ({ userId, input }) => {
  await skipStep({ userId, stepId: input.stepId, now: new Date() });
  return { revalidate: REVALIDATE, message: "Skipped.", changesPlan: true };
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
  return { revalidate: REVALIDATE, message: "Snoozed.", changesPlan: true };
});

const outcome = createAction(outcomeInputSchema, async ({ userId, input }) => {
  await recordOutcome({ userId, opportunityId: input.opportunityId, outcome: input.outcome, now: new Date() });
  return { revalidate: REVALIDATE, message: "Outcome recorded; the plan is updated.", changesPlan: true };
});

export async function recordOutcomeAction(opportunityId: string, outcomeName: string) {
  return outcome({ opportunityId, outcome: outcomeName });
}

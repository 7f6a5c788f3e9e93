import type { PlanCommands } from "@/components/plan-commands";
import { markStepDoneAction, recordOutcomeAction, skipStepAction, snoozeStepAction } from "./actions";

/** What the pages hand the shared step and outcome components (components/plan-commands.ts). */
export const PLAN_COMMANDS: PlanCommands = {
  markStepDone: markStepDoneAction,
  skipStep: skipStepAction,
  snoozeStep: snoozeStepAction,
  recordOutcome: recordOutcomeAction,
};

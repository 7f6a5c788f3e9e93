import type { ActionState } from "@/lib/actions/state";
import type { Outcome } from "@/lib/interviews/outcomes";

// The server actions the shared step and outcome components run. Pages pass
// them in (app/(app)/steps/commands.ts): a shared component imports no route's
// actions, so it can be rendered by any route, and tested, without that route.
export type PlanCommands = {
  markStepDone: (stepId: string) => Promise<ActionState>;
  skipStep: (stepId: string) => Promise<ActionState>;
  snoozeStep: (state: ActionState, formData: FormData) => Promise<ActionState>;
  recordOutcome: (opportunityId: string, outcome: Outcome) => Promise<ActionState>;
};

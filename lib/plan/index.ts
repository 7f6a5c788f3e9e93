export { buildPlan } from "./build-plan";
export * from "./constants";
export type {
  CompanyStyle,
  InterviewStage,
  OpportunityStatus,
  Pace,
  Plan,
  PlanInput,
  PlanInterviewer,
  PlanStep,
  StepHistory,
  StepKind,
  StepStatus,
} from "./types";

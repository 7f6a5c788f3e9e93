import { DateTime } from "luxon";
import { expect } from "vitest";
import type { Plan, PlanInput, PlanStep } from "@/lib/plan/types";

// Shared by the plan tests: a realistic input with every field set, and
// helpers that read results as local ISO strings.

export const BERLIN = "Europe/Berlin";

type Overrides = {
  now?: Date;
  timeZone?: string;
  preferences?: Partial<PlanInput["preferences"]>;
  opportunity?: Partial<PlanInput["opportunity"]>;
  interview?: Partial<PlanInput["interview"]>;
  interviewers?: PlanInput["interviewers"];
  history?: Partial<PlanInput["history"]>;
};

/** A local wall time ("2025-11-11T14:00") in a zone, as an instant. */
export function localTime(isoLocal: string, zone: string = BERLIN): Date {
  const at = DateTime.fromISO(isoLocal, { zone });
  if (!at.isValid) throw new Error(`Bad local time in test: ${isoLocal}`);
  return at.toJSDate();
}

/** An instant as a local ISO string with offset, e.g. "2025-11-12T09:00:00.000+01:00". */
export function toLocalIso(at: Date, zone: string = BERLIN): string | null {
  return DateTime.fromJSDate(at, { zone }).toISO();
}

export const ANNA = { id: "i-anna", name: "Anna Schmidt", email: "anna@example.com", hasPostalAddress: true };
export const BEN = { id: "i-ben", name: "Ben Okafor", email: "ben@example.com", hasPostalAddress: false };

export function makeInput(overrides: Overrides = {}): PlanInput {
  const timeZone = overrides.timeZone ?? BERLIN;
  const startsAt = overrides.interview?.startsAt ?? localTime("2025-11-11T14:00", timeZone);
  return {
    now: overrides.now ?? startsAt,
    timeZone,
    preferences: { sendHour: 9, followUpDefaultDays: 14, ...overrides.preferences },
    opportunity: {
      company: "Nordlicht GmbH",
      role: "Backend Engineer",
      companyStyle: "casual",
      pace: "standard",
      status: "active",
      statusChangedAt: null,
      followUpCap: null,
      allowExtraFollowUps: false,
      ...overrides.opportunity,
    },
    interview: {
      id: "iv-1",
      stage: "onsite",
      startsAt,
      durationMinutes: 60,
      decisionDate: null,
      decisionWithinDays: null,
      callInvited: false,
      callSuggestedAt: null,
      primaryInterviewerId: null,
      ...overrides.interview,
    },
    interviewers: overrides.interviewers ?? [ANNA],
    history: { replies: [], steps: {}, snoozes: {}, ...overrides.history },
  };
}

export function findStep(plan: Plan, key: string): PlanStep {
  const step = plan.steps.find((candidate) => candidate.key === key);
  expect(step, `step ${key} in ${plan.steps.map((s) => s.key).join(", ")}`).toBeDefined();
  return step as PlanStep;
}

export function listKeys(plan: Plan): string[] {
  return plan.steps.map((step) => step.key);
}

export function listFollowUps(plan: Plan): PlanStep[] {
  return plan.steps.filter((step) => step.kind === "follow_up" || step.kind === "call");
}

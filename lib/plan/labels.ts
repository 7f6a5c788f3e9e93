import type { StepKind } from "./types";

// What a step asks the user to do, in words (dashboard, timeline, calendar).
export function describeStep(step: { kind: StepKind; variant?: string | null; sequence?: number | null }, person: string | null, company: string): string {
  const who = person ?? company;
  switch (step.kind) {
    case "thank_you":
      return step.variant === "short" ? `Send a short thank-you to ${who}` : `Send a thank-you to ${who}`;
    case "letter":
      return `Mail a thank-you letter to ${who}`;
    case "follow_up":
      return step.sequence && step.sequence > 1 ? `Follow up again with ${who} (#${step.sequence})` : `Follow up with ${who}`;
    case "call":
      return `Call ${who}, as they invited you to`;
    case "move_on":
      return `No answer from ${company}: move on and keep searching`;
    case "gracious_reply":
      return `Reply graciously to ${who} (optional)`;
  }
}

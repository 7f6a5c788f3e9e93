import { DateTime } from "luxon";
import { MAX_FOLLOW_UPS } from "./constants";
import { makeResult } from "./result";
import type { CheckFinding, CheckResult, CheckSeverity, DraftCheckInput } from "./types";

/**
 * docs/rules.md "Message checks": timing: "a follow-up before the decision date, a third follow-up, a phone step
 * without an invitation". The last two are steps the plan forbids ("Checks warn; they do not block, except where
 * the plan forbids the step itself ... which needs an explicit override"), so they block until overridden.
 */
export function checkTiming(input: DraftCheckInput): CheckResult {
  const { followUpNumber, isBeforeDecisionDate, isCallStep, callInvited, hasOverride } = input.timing;
  const findings: CheckFinding[] = [];
  let isForbidden = false;
  const overridden = " You chose to override this.";

  // docs/rules.md "Follow-ups": "First follow-up: after the stated decision date has passed (next business day)."
  if (input.kind === "follow_up" && isBeforeDecisionDate) {
    findings.push({
      message: "This follow-up would go out before the date they gave for a decision; wait until the next business day after it.",
    });
  }
  // docs/rules.md "Follow-ups": "Never more than two. After that the plan's last step is 'move on'."
  if (followUpNumber !== null && followUpNumber > MAX_FOLLOW_UPS) {
    isForbidden = true;
    findings.push({
      message: `This would be follow-up number ${followUpNumber}; the plan stops at ${MAX_FOLLOW_UPS} and then moves on.${hasOverride ? overridden : ""}`,
    });
  }
  // docs/rules.md "Before the interview ends": "Without an explicit invitation, no phone step is ever planned."
  if (isCallStep && !callInvited) {
    isForbidden = true;
    findings.push({
      message: `They did not invite you to call; without an invitation, follow up by email instead.${hasOverride ? overridden : ""}`,
    });
  }
  findings.push(...findSendTimeProblems(input));
  const severity: CheckSeverity = isForbidden && !hasOverride ? "block" : "warn";
  return makeResult("timing", findings, severity);
}

// A message read at night looks sent at night; the morning is as quick for the reader.
const NIGHT_STARTS_HOUR = 22;
const NIGHT_ENDS_HOUR = 7;

function findSendTimeProblems(input: DraftCheckInput): CheckFinding[] {
  const { sendsAt, interviewEndsAt, timeZone } = input.timing;
  if (!sendsAt || input.kind === "letter") return [];
  const findings: CheckFinding[] = [];
  if (input.kind === "thank_you" && interviewEndsAt && sendsAt < interviewEndsAt) {
    findings.push({ message: "This thank-you would go out before the interview is over; check the interview's date and time." });
  }
  const local = DateTime.fromJSDate(sendsAt, { zone: timeZone ?? "UTC" });
  if (local.hour >= NIGHT_STARTS_HOUR || local.hour < NIGHT_ENDS_HOUR) {
    findings.push({
      message: `This would go out at ${local.toFormat("HH:mm")} your time, at night; schedule it for after ${String(NIGHT_ENDS_HOUR).padStart(2, "0")}:00.`,
    });
  }
  return findings;
}

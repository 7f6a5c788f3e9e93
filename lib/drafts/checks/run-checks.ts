import { checkArguing } from "./arguing";
import { checkContact } from "./contact";
import { checkDesperation } from "./desperation";
import { checkGrammar } from "./grammar";
import { checkGreeting } from "./greeting";
import { checkLength } from "./length";
import { checkNames } from "./names";
import { checkPersonalDetail } from "./personal-detail";
import { checkPlaceholders } from "./placeholders";
import { checkSpelling } from "./spelling";
import { checkTiming } from "./timing";
import type { CheckResult, DraftCheckInput } from "./types";

/** docs/rules.md "Message checks", in the table's order. */
const CHECKS: Array<(input: DraftCheckInput) => CheckResult> = [
  checkLength,
  checkGreeting,
  checkNames,
  checkPlaceholders,
  checkDesperation,
  checkPersonalDetail,
  checkContact,
  checkSpelling,
  checkGrammar,
  checkTiming,
  checkArguing,
];

/** Every message check on one draft, run before sending; pure, so the same draft always gets the same results. */
export function runDraftChecks(input: DraftCheckInput): CheckResult[] {
  return CHECKS.map((check) => check(input));
}

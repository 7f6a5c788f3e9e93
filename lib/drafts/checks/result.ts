import { CHECK_LABELS } from "./constants";
import type { CheckFinding, CheckId, CheckResult, CheckSeverity } from "./types";

/** docs/rules.md "Message checks": "Checks warn; they do not block", so findings mean "warn" unless a check says otherwise. */
export function makeResult(id: CheckId, findings: CheckFinding[], severity: CheckSeverity = "warn"): CheckResult {
  return { id, label: CHECK_LABELS[id], severity: findings.length ? severity : "pass", findings };
}

export function makePass(id: CheckId): CheckResult {
  return makeResult(id, []);
}

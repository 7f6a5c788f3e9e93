export { runDraftChecks } from "./run-checks";
export { getSpellChecker } from "./spell-checker";
export { CHECK_LABELS, MAX_WORDS_BY_KIND, MAX_SENTENCES_PER_PARAGRAPH } from "./constants";
export type {
  CheckFinding,
  CheckId,
  CheckResult,
  CheckSeverity,
  DraftCheckInput,
  DraftKind,
  DraftNotes,
  DraftTiming,
} from "./types";

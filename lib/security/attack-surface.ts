// What the attack suite attacks, found rather than listed: every exported
// server action of every app/**/*actions.ts module, and every field name the
// app's forms post, so a new action or field is attacked without anyone
// remembering to add it here.

declare global {
  // Vite's import.meta.glob (its types live in vite/client, which is not a dependency of ours)
  interface ImportMeta {
    glob<Module = unknown>(
      patterns: string | string[],
      options?: { eager?: boolean; query?: string; import?: string },
    ): Record<string, Module>;
  }
}

export type ServerAction = (...args: unknown[]) => Promise<unknown>;

/** How a page calls an action: bound values first (`action.bind(null, id)`), then the form's (state, formData) or nothing. */
export type ActionShape = { boundArguments: number; takesForm: boolean };

export type DiscoveredAction = { name: string; module: string; run: ServerAction; shape: ActionShape };

// Read off each module's signature. An action not named here is a form action,
// `(previousState, formData)`, as createFormAction makes them.
const ACTION_SHAPES: Record<string, ActionShape> = {
  saveDetectedTimeZoneAction: { boundArguments: 1, takesForm: false },
  regenerateDraftAction: { boundArguments: 1, takesForm: false },
  addToDictionaryAction: { boundArguments: 1, takesForm: false },
  previewDraftAction: { boundArguments: 1, takesForm: false },
  markStepDoneAction: { boundArguments: 1, takesForm: false },
  skipStepAction: { boundArguments: 1, takesForm: false },
  recordOutcomeAction: { boundArguments: 2, takesForm: false },
  undoPlanChangeAction: { boundArguments: 1, takesForm: false },
  deleteInterviewAction: { boundArguments: 1, takesForm: false },
  updateInterviewAction: { boundArguments: 1, takesForm: true },
  signInWithGoogleAction: { boundArguments: 0, takesForm: false },
  signOutAction: { boundArguments: 0, takesForm: false },
};
const FORM_ACTION: ActionShape = { boundArguments: 0, takesForm: true };

const actionModules = import.meta.glob<Record<string, unknown>>(["/app/**/*actions.ts", "!/app/**/*.test.ts"], { eager: true });

export function discoverServerActions(): DiscoveredAction[] {
  const actions: DiscoveredAction[] = [];
  for (const [module, exports] of Object.entries(actionModules)) {
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith("Action") || typeof value !== "function") continue;
      actions.push({ name, module, run: value as ServerAction, shape: ACTION_SHAPES[name] ?? FORM_ACTION });
    }
  }
  return actions.sort((a, b) => a.name.localeCompare(b.name));
}

const formSources = import.meta.glob<string>(["/app/**/*.tsx", "/components/**/*.tsx"], { eager: true, query: "?raw", import: "default" });

// Names built in code rather than written as name="…": the interview form's
// repeated rows and the hidden fields of one-button forms (components/action-form.tsx).
const BUILT_FIELD_NAMES = ["interviewId", "messageId", "resolution", "outcome", "opportunityId", "word", "stepId"];
const INTERVIEWER_ROWS = 2;

/** Every name a form of the app posts. */
export function listFormFieldNames(): string[] {
  const names = new Set(BUILT_FIELD_NAMES);
  for (const source of Object.values(formSources)) {
    for (const match of source.matchAll(/\bname="([^"]+)"/g)) names.add(match[1]!);
    // fields={{ stepId: …, when: "now" }} and const fields = { messageId: … }
    for (const match of source.matchAll(/fields\s*=\s*\{\{?([^}]*)\}/g)) {
      for (const key of match[1]!.matchAll(/(\w+)\s*:/g)) names.add(key[1]!);
    }
    // the interview form's rows: name={`${prefix}.email`} with prefix interviewers[i]
    for (const match of source.matchAll(/name=\{`\$\{prefix\}\.(\w+)`\}/g)) {
      for (let row = 0; row < INTERVIEWER_ROWS; row++) names.add(`interviewers[${row}].${match[1]!}`);
    }
  }
  return [...names].sort();
}

// The one shape every form's server action returns (docs/architecture.md "Forms").
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState<Result = Record<string, string>> = {
  status: "idle" | "success" | "error";
  message?: string;
  fieldErrors?: FieldErrors;
  // what the user typed, echoed back on error so nothing is lost (never secrets)
  values?: Record<string, unknown>;
  // what the server made for the user to see once (a new feed URL, a draft's preview)
  result?: Result;
};

export const INITIAL_ACTION_STATE: ActionState = { status: "idle" };

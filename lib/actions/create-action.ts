import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { getSessionUserId } from "@/lib/auth/session";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { announcePlanChange } from "@/lib/plan/plan-change";
import { readFormInput } from "./form-input";
import type { ActionState, FieldErrors } from "./state";

export type ActionOutcome = {
  revalidate?: string[];
  redirectTo?: string;
  message?: string;
  result?: Record<string, string>;
  /**
   * @deprecated syncInterviewPlans announces every plan change inside its own
   * transaction (lib/plan/plan-change.ts). Only for a handler whose lib call
   * writes plan steps without it; remove once none does.
   */
  changesPlan?: boolean;
};

type Handler<Input> = (context: { userId: string; input: Input }) => Promise<ActionOutcome | void>;

const GENERIC_ERROR = "Something went wrong on our side. Your input is kept; please try again.";

const SESSION_ENDED: PipelineResult = {
  state: { status: "error", message: "Your session ended. Sign in again." },
  redirectTo: "/signin",
};
const FORM_REFUSED = "This form could not be read. Reload the page and try again.";

type PipelineResult = { state: ActionState; redirectTo?: string };

async function runHandler<Input>(
  userId: string,
  input: Input,
  echo: Record<string, unknown>,
  handler: Handler<Input>,
): Promise<PipelineResult> {
  try {
    const outcome = (await handler({ userId, input })) ?? {};
    if (outcome.changesPlan) await announcePlanChange({ userId });
    // a dynamic pattern like "/interviews/[id]" revalidates every page of that route
    for (const path of outcome.revalidate ?? []) revalidatePath(path, path.includes("[") ? "page" : undefined);
    return { state: { status: "success", message: outcome.message, result: outcome.result }, redirectTo: outcome.redirectTo };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof UserFacingError) {
      return { state: { status: "error", message: error.message, fieldErrors: error.fieldErrors, values: echo } };
    }
    logError("action.unexpected_error", error, { userId });
    return { state: { status: "error", message: GENERIC_ERROR, values: echo } };
  }
}

// The one pipeline (style.md, rule 3): session -> parse and validate (nothing
// of the body is read before the session is known) -> one lib call (which
// enforces ownership) -> revalidate -> redirect outside any try.
export function createFormAction<Input>(
  schema: z.ZodType<Input>,
  handler: Handler<Input>,
  options: { echo?: (raw: Record<string, unknown>) => Record<string, unknown> } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const { state, redirectTo } = await runFormPipeline(schema, formData, handler, options.echo ?? ((raw) => raw));
    if (redirectTo) redirect(redirectTo);
    return state;
  };
}

// The session read is the pipeline's first database query: when the database is
// down it throws, and the user must still get their typed input back.
async function readSessionUserId(): Promise<{ userId: string | null; error?: never } | { userId?: never; error: unknown }> {
  try {
    return { userId: await getSessionUserId() };
  } catch (error) {
    return { error };
  }
}

const SESSION_UNREADABLE: PipelineResult = { state: { status: "error", message: GENERIC_ERROR } };

async function runFormPipeline<Input>(
  schema: z.ZodType<Input>,
  formData: FormData,
  handler: Handler<Input>,
  echo: (raw: Record<string, unknown>) => Record<string, unknown>,
): Promise<PipelineResult> {
  const session = await readSessionUserId();
  if (session.error !== undefined) {
    logError("action.session_unreadable", session.error);
    // the parse is bounded and refuses polluting names (form-input.ts); it runs
    // here only to hand back what was typed, never to act on it
    const input = readFormInput(formData, schema);
    return input.status === "refused" ? SESSION_UNREADABLE : { state: { ...SESSION_UNREADABLE.state, values: echo(input.values) } };
  }
  const { userId } = session;
  if (!userId) return SESSION_ENDED;
  const input = readFormInput(formData, schema);
  if (input.status === "refused") return { state: { status: "error", message: FORM_REFUSED } };
  if (input.status === "invalid") {
    return {
      state: { status: "error", message: "Some fields need attention.", fieldErrors: input.fieldErrors, values: echo(input.values) },
    };
  }
  return runHandler(userId, input.value, echo(input.values), handler);
}

// For bound-argument actions with no form fields (delete, detect time zone).
export function createAction<Input>(schema: z.ZodType<Input>, handler: Handler<Input>) {
  return async (raw: unknown): Promise<ActionState> => {
    const { state, redirectTo } = await runBoundPipeline(schema, raw, handler);
    if (redirectTo) redirect(redirectTo);
    return state;
  };
}

async function runBoundPipeline<Input>(schema: z.ZodType<Input>, raw: unknown, handler: Handler<Input>): Promise<PipelineResult> {
  const session = await readSessionUserId();
  if (session.error !== undefined) {
    logError("action.session_unreadable", session.error);
    return SESSION_UNREADABLE;
  }
  const { userId } = session;
  if (!userId) return SESSION_ENDED;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
    return { state: { status: "error", message: "Some fields need attention.", fieldErrors } };
  }
  return runHandler(userId, parsed.data, {}, handler);
}

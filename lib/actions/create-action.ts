import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { getSessionUserId } from "@/lib/auth/session";
import { requestCalendarPush } from "@/lib/calendar/push-request";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { formDataToObject } from "./form-data";
import type { ActionState, FieldErrors } from "./state";

export type ActionOutcome = {
  revalidate?: string[];
  redirectTo?: string;
  message?: string;
  result?: Record<string, string>;
  /** The handler changed the stored plan (and committed): Google Calendar push follows it. */
  changesPlan?: boolean;
};

type Handler<Input> = (context: { userId: string; input: Input }) => Promise<ActionOutcome | void>;

const GENERIC_ERROR = "Something went wrong on our side. Your input is kept; please try again.";

// After the handler's transaction committed, so the job reads the new plan. The
// change is saved either way: a queue failure is logged, not shown as an error.
async function announcePlanChange(userId: string): Promise<void> {
  try {
    await requestCalendarPush({ userId });
  } catch (error) {
    console.error("[action] calendar push not requested", { userId, error });
  }
}

function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return fieldErrors;
}

async function runPipeline<Input>(
  schema: z.ZodType<Input>,
  raw: unknown,
  echo: Record<string, unknown>,
  handler: Handler<Input>,
): Promise<{ state: ActionState; redirectTo?: string }> {
  const userId = await getSessionUserId();
  if (!userId) return { state: { status: "error", message: "Your session ended. Sign in again." }, redirectTo: "/signin" };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      state: {
        status: "error",
        message: "Some fields need attention.",
        fieldErrors: toFieldErrors(parsed.error),
        values: echo,
      },
    };
  }
  try {
    const outcome = (await handler({ userId, input: parsed.data })) ?? {};
    if (outcome.changesPlan) await announcePlanChange(userId);
    // a dynamic pattern like "/interviews/[id]" revalidates every page of that route
    for (const path of outcome.revalidate ?? []) revalidatePath(path, path.includes("[") ? "page" : undefined);
    return { state: { status: "success", message: outcome.message, result: outcome.result }, redirectTo: outcome.redirectTo };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof UserFacingError) {
      return { state: { status: "error", message: error.message, fieldErrors: error.fieldErrors, values: echo } };
    }
    console.error("[action] unexpected error", { userId, error });
    return { state: { status: "error", message: GENERIC_ERROR, values: echo } };
  }
}

// The one pipeline (style.md, rule 3): session -> zod safeParse -> one lib call
// (which enforces ownership) -> revalidate -> redirect outside any try.
export function createFormAction<Input>(
  schema: z.ZodType<Input>,
  handler: Handler<Input>,
  options: { echo?: (raw: Record<string, unknown>) => Record<string, unknown> } = {},
) {
  return async (_previous: ActionState, formData: FormData): Promise<ActionState> => {
    const raw = formDataToObject(formData);
    const echo = options.echo ? options.echo(raw) : raw;
    const { state, redirectTo } = await runPipeline(schema, raw, echo, handler);
    if (redirectTo) redirect(redirectTo);
    return state;
  };
}

// For bound-argument actions with no form fields (delete, detect time zone).
export function createAction<Input>(schema: z.ZodType<Input>, handler: Handler<Input>) {
  return async (raw: unknown): Promise<ActionState> => {
    const { state, redirectTo } = await runPipeline(schema, raw, {}, handler);
    if (redirectTo) redirect(redirectTo);
    return state;
  };
}

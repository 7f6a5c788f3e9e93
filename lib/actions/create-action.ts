import "server-only";
import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { getSessionUserId } from "@/lib/auth/session";
import { NotFoundError, UserFacingError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { readFormInput } from "./form-input";
import type { ActionState, FieldErrors } from "./state";

type DefaultResult = Record<string, string>;

export type ActionOutcome<Result = DefaultResult> = {
  revalidate?: string[];
  redirectTo?: string;
  message?: string;
  result?: Result;
};

/**
 * What a handler is given: the signed-in user, the validated input, the
 * validated bound arguments of a form action, and the request's one reading of
 * the clock (the shell reads it; lib/ takes it as `now`).
 */
export type ActionContext<Input, Bound = []> = { userId: string; input: Input; bound: Bound; now: Date };

type Handler<Input, Bound, Result> = (context: ActionContext<Input, Bound>) => Promise<ActionOutcome<Result> | void>;

/** A schema, or one built per request from its clock reading (an interview date checked against today). */
export type SchemaSource<Input> = z.ZodType<Input> | ((request: { now: Date }) => z.ZodType<Input>);

type Echo = (raw: Record<string, unknown>) => Record<string, unknown>;

type PipelineResult<Result> = { state: ActionState<Result>; redirectTo?: string };

const GENERIC_ERROR = "Something went wrong on our side. Your input is kept; please try again.";
const SESSION_ENDED = { state: { status: "error", message: "Your session ended. Sign in again." }, redirectTo: "/signin" } as const;
const SESSION_UNREADABLE = { state: { status: "error", message: GENERIC_ERROR } } as const;
const FORM_REFUSED = "This form could not be read. Reload the page and try again.";
const FIELDS_NEED_ATTENTION = "Some fields need attention.";
const NO_LONGER_THERE = "This no longer exists. Reload the page.";

function resolveSchema<Input>(source: SchemaSource<Input>, now: Date): z.ZodType<Input> {
  return typeof source === "function" ? source({ now }) : source;
}

function toFieldErrors(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return fieldErrors;
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

async function runHandler<Input, Bound, Result>(
  context: ActionContext<Input, Bound>,
  echo: Record<string, unknown>,
  handler: Handler<Input, Bound, Result>,
  staysOnPage = false,
): Promise<PipelineResult<Result>> {
  const { userId } = context;
  try {
    const outcome = (await handler(context)) ?? {};
    // a dynamic pattern like "/interviews/[id]" revalidates every page of that route
    for (const path of outcome.revalidate ?? []) revalidatePath(path, path.includes("[") ? "page" : undefined);
    return { state: { status: "success", message: outcome.message, result: outcome.result }, redirectTo: outcome.redirectTo };
  } catch (error) {
    if (error instanceof NotFoundError) {
      if (staysOnPage) return { state: { status: "error", message: NO_LONGER_THERE } };
      notFound();
    }
    if (error instanceof UserFacingError) {
      return { state: { status: "error", message: error.message, fieldErrors: error.fieldErrors, values: echo } };
    }
    logError("action.unexpected_error", error, { userId });
    return { state: { status: "error", message: GENERIC_ERROR, values: echo } };
  }
}

async function runFormPipeline<Input, Bound, Result>(
  source: SchemaSource<Input>,
  boundSchema: z.ZodType<Bound> | undefined,
  request: { bound: unknown[]; formData: FormData },
  handler: Handler<Input, Bound, Result>,
  echo: Echo,
): Promise<PipelineResult<Result>> {
  const now = new Date();
  const schema = resolveSchema(source, now);
  const session = await readSessionUserId();
  if (session.error !== undefined) {
    logError("action.session_unreadable", session.error);
    // the parse is bounded and refuses polluting names (form-input.ts); it runs
    // here only to hand back what was typed, never to act on it
    const input = readFormInput(request.formData, schema);
    return input.status === "refused" ? SESSION_UNREADABLE : { state: { ...SESSION_UNREADABLE.state, values: echo(input.values) } };
  }
  const { userId } = session;
  if (!userId) return SESSION_ENDED;
  // a bound id the page did not write (malformed, or a made-up one) is not found, like another user's
  const bound = (boundSchema ?? z.tuple([])).safeParse(request.bound);
  if (!bound.success) notFound();
  const input = readFormInput(request.formData, schema);
  if (input.status === "refused") return { state: { status: "error", message: FORM_REFUSED } };
  if (input.status === "invalid") {
    return { state: { status: "error", message: FIELDS_NEED_ATTENTION, fieldErrors: input.fieldErrors, values: echo(input.values) } };
  }
  return runHandler({ userId, input: input.value, bound: bound.data as Bound, now }, echo(input.values), handler);
}

async function finish<Result>(pipeline: Promise<PipelineResult<Result>>): Promise<ActionState<Result>> {
  const { state, redirectTo } = await pipeline;
  // outside any try: redirect throws
  if (redirectTo) redirect(redirectTo);
  return state;
}

type FormOptions = { echo?: Echo };

/**
 * The one pipeline (docs/architecture.md "Server actions"): session -> bound
 * arguments -> parse and validate the form (nothing of the body is read before
 * the session is known) -> one lib call (which enforces ownership) ->
 * revalidate -> redirect outside any try. With `bound`, the action takes the
 * values a page binds (`action.bind(null, id)`) before (state, formData).
 */
export function createFormAction<Input, Result = DefaultResult>(
  schema: SchemaSource<Input>,
  handler: Handler<Input, [], Result>,
  options?: FormOptions,
): (previous: ActionState<unknown>, formData: FormData) => Promise<ActionState<Result>>;
export function createFormAction<Input, BoundArgs extends unknown[], Bound, Result = DefaultResult>(
  schema: SchemaSource<Input>,
  handler: Handler<Input, Bound, Result>,
  options: FormOptions & { bound: z.ZodType<Bound, BoundArgs> },
): (...args: [...bound: BoundArgs, previous: ActionState<unknown>, formData: FormData]) => Promise<ActionState<Result>>;
export function createFormAction<Input, Bound, Result>(
  schema: SchemaSource<Input>,
  handler: Handler<Input, Bound, Result>,
  options: FormOptions & { bound?: z.ZodType<Bound> } = {},
) {
  const echo = options.echo ?? ((raw: Record<string, unknown>) => raw);
  return async (...args: unknown[]): Promise<ActionState<Result>> => {
    // (…bound, previous state, form data): what React passes after the page's bind
    const request = options.bound ? { bound: args.slice(0, -2), formData: args.at(-1) } : { bound: [], formData: args[1] };
    return finish(runFormPipeline(schema, options.bound, request as { bound: unknown[]; formData: FormData }, handler, echo));
  };
}

async function runArgumentsPipeline<Input, Result>(
  schema: z.ZodType<Input>,
  raw: unknown,
  handler: Handler<Input, [], Result>,
  { describeInvalid, staysOnPage }: { describeInvalid: (error: z.ZodError) => string; staysOnPage: boolean },
): Promise<PipelineResult<Result>> {
  const now = new Date();
  const session = await readSessionUserId();
  if (session.error !== undefined) {
    logError("action.session_unreadable", session.error);
    return SESSION_UNREADABLE;
  }
  const { userId } = session;
  if (!userId) return staysOnPage ? { state: SESSION_ENDED.state } : SESSION_ENDED;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { state: { status: "error", message: describeInvalid(parsed.error), fieldErrors: toFieldErrors(parsed.error) } };
  const result = await runHandler({ userId, input: parsed.data, bound: [], now }, {}, handler, staysOnPage);
  return staysOnPage ? { state: result.state } : result;
}

type ArgumentOptions = {
  /**
   * A call the page makes in the background (the draft preview while the user
   * types): when the session has ended it answers with the message and leaves
   * the page, and the unsaved text on it, where it is instead of redirecting.
   */
  staysOnPage?: boolean;
};

/**
 * For actions a component calls with arguments rather than a form (delete,
 * preview, sign out). Given a tuple (`z.tuple([z.uuid()])`), the action takes
 * those arguments, validated as they arrive, and the handler gets them as
 * `input`; an invalid one answers with its own message. Given another schema,
 * the action takes one value (the older form: a wrapper passes an object).
 */
export function createAction<Schema extends z.ZodTuple, Result = DefaultResult>(
  schema: Schema,
  handler: Handler<z.output<Schema>, [], Result>,
  options?: ArgumentOptions,
): (...args: z.input<Schema>) => Promise<ActionState<Result>>;
export function createAction<Input, Result = DefaultResult>(
  schema: z.ZodType<Input>,
  handler: Handler<Input, [], Result>,
  options?: ArgumentOptions,
): (raw: unknown) => Promise<ActionState<Result>>;
export function createAction<Input, Result>(schema: z.ZodType<Input>, handler: Handler<Input, [], Result>, options: ArgumentOptions = {}) {
  const isArgumentList = schema instanceof z.ZodTuple;
  const describeInvalid = isArgumentList ? (error: z.ZodError) => error.issues[0]?.message ?? FIELDS_NEED_ATTENTION : () => FIELDS_NEED_ATTENTION;
  const run = async (raw: unknown): Promise<ActionState<Result>> => {
    const staysOnPage = options.staysOnPage ?? false;
    return finish(runArgumentsPipeline(schema, raw, handler, { describeInvalid, staysOnPage }));
  };
  return isArgumentList ? (...args: unknown[]) => run(args) : run;
}

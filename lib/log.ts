import pino, { type DestinationStream, type Level, type LogFn, type Logger } from "pino";

// One logger for the web server, the worker and the scripts. No log line may
// carry what a user typed, a secret or a token: errors are reduced to safe
// fields (serializeError), known sensitive keys are redacted, and the context a
// caller adds is flat. No `server-only` here: scripts run outside Next.js.
//
// What an error keeps, and why:
// - its name, its code and a few other fields whose values are short tokens
//   (an errno, a syscall, an HTTP or SMTP status, a delivery outcome), and for a
//   Postgres error the SQLSTATE code, severity, routine and the names of the
//   constraint, table, column and schema: enough to know what failed;
// - its stack frames (where it failed), without the first line;
// - the same for its cause, and for each error of an AggregateError.
// What it loses: every message. Messages quote values: postgres.js reports
// `date/time field value out of range: "..."` with the typed text, drizzle puts
// the query's parameters in its message, V8 quotes the input of JSON.parse, an
// SMTP server echoes addresses. postgres.js errors also carry `query` and
// `parameters` (the user's notes), which are never read.

export const LOG_FORMATS = ["json", "text"] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Flat facts about what was going on: ids, counts, host names. Never user text. */
export type LogContext = { userId?: string } & Record<string, string | number | boolean | null | undefined>;

export type SafeError = {
  name: string;
  stack?: string;
  cause?: SafeError;
  errors?: SafeError[];
  [field: string]: string | number | boolean | SafeError | SafeError[] | undefined;
};

/** Fields kept from any error when their value is a short token (see TOKEN). */
const SAFE_ERROR_FIELDS = ["code", "errno", "syscall", "status", "statusCode", "responseCode", "outcome", "isAuthFailure"] as const;
/** Fields of a postgres.js PostgresError that name what failed, never the values involved. */
const SAFE_POSTGRES_FIELDS = ["severity", "routine", "constraint_name", "table_name", "column_name", "schema_name"] as const;
// a code, a number or an identifier: nothing a person typed fits in this
const TOKEN = /^[A-Za-z0-9_.:-]{1,64}$/;
const STACK_FRAME = /^\s+at\s/;
const MAX_STACK_FRAMES = 20;
const MAX_CAUSE_DEPTH = 4;

/**
 * Keys whose values are secrets or the user's own words, wherever they appear
 * in what is logged (at the top or one or two levels down).
 */
const SENSITIVE_KEYS = [
  "password",
  "pass",
  "secret",
  "token",
  "accessToken",
  "refreshToken",
  "access_token",
  "refresh_token",
  "id_token",
  "cookie",
  "Cookie",
  "authorization",
  "Authorization",
  "notes",
  "topics",
  "specificDetail",
  "wentWell",
  "toClarify",
  "sharedInterests",
  "signature",
  "subject",
  "body",
  "text",
  "html",
  "raw",
  "mime",
  "query",
  "parameters",
  "params",
];
const REDACT_PATHS = SENSITIVE_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

function keepToken(value: unknown): string | number | boolean | undefined {
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string" && TOKEN.test(value)) return value;
  return undefined;
}

function isPostgresError(error: Error): boolean {
  return error.name === "PostgresError" || ("routine" in error && "severity" in error);
}

/** The frames of a stack, without its first line (which repeats the message). */
function stackFrames(error: Error): string | undefined {
  if (typeof error.stack !== "string") return undefined;
  // the message may span lines and may even contain "    at": cut it out first
  const withoutMessage = error.message ? error.stack.split(error.message).join("") : error.stack;
  const frames = withoutMessage
    .split("\n")
    .filter((line) => STACK_FRAME.test(line))
    .slice(0, MAX_STACK_FRAMES);
  return frames.length ? frames.join("\n") : undefined;
}

/** What of an error may be logged (see the top of this file). */
export function serializeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) {
    // a thrown string or object: its type only, since its content is unknown
    return { name: error === null ? "null" : typeof error };
  }
  // drizzle's DrizzleQueryError keeps the name "Error": its class says more
  const name = error.name === "Error" && error.constructor.name ? error.constructor.name : error.name;
  const safe: SafeError = { name: keepToken(name)?.toString() ?? "Error" };
  const fields = isPostgresError(error) ? [...SAFE_ERROR_FIELDS, ...SAFE_POSTGRES_FIELDS] : SAFE_ERROR_FIELDS;
  for (const field of fields) {
    const value = keepToken((error as unknown as Record<string, unknown>)[field]);
    if (value !== undefined) safe[field] = value;
  }
  const stack = stackFrames(error);
  if (stack) safe.stack = stack;
  if (depth < MAX_CAUSE_DEPTH) {
    if (error.cause !== undefined) safe.cause = serializeError(error.cause, depth + 1);
    if (error instanceof AggregateError) safe.errors = error.errors.slice(0, 10).map((inner: unknown) => serializeError(inner, depth + 1));
  }
  return safe;
}

// An error logged under any key, not only `err`, and at any depth goes through
// the same filter: JSON.stringify would otherwise write a PostgresError's own
// enumerable fields (its message, its query's position, its detail).
const MAX_WALK_DEPTH = 4;

function makeSafe(value: unknown, depth: number): unknown {
  if (value instanceof Error) return serializeError(value);
  if (depth >= MAX_WALK_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => makeSafe(item, depth + 1));
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[key] = makeSafe(inner, depth + 1);
  return result;
}

function makeFieldsSafe(object: Record<string, unknown>): Record<string, unknown> {
  const safe = makeSafe(object, 0) as Record<string, unknown>;
  // `err` is an error even when something else was thrown (a string may be anything)
  if ("err" in object && !(object.err instanceof Error)) safe.err = serializeError(object.err);
  return safe;
}

// pino takes an error's message as the line's message when none is given
// (`logger.error(error)`): the line is named "error" instead.
function nameUnnamedErrorLines(this: Logger, args: Parameters<LogFn>, method: LogFn): void {
  const [first, second] = args as unknown[];
  if (first instanceof Error) return method.call(this, { err: first }, typeof second === "string" ? second : "error");
  if (first !== null && typeof first === "object" && "err" in first && typeof second !== "string" && !("msg" in first)) {
    return method.call(this, first, "error");
  }
  return method.apply(this, args);
}

const TEXT_LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

function formatTextValue(value: unknown): string {
  if (typeof value === "string") return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** One JSON line as pino wrote it, made readable for a terminal. */
export function formatTextLine(line: string): string {
  const { level, time, msg, pid: _pid, hostname: _hostname, err, ...rest } = JSON.parse(line) as Record<string, unknown> & { err?: SafeError };
  const clock = new Date(Number(time)).toISOString().slice(11, 23);
  const fields = Object.entries(rest).map(([key, value]) => `${key}=${formatTextValue(value)}`);
  let text = `${clock} ${TEXT_LEVELS[Number(level)] ?? level} ${String(msg ?? "")}${fields.length ? ` ${fields.join(" ")}` : ""}`;
  for (let error: SafeError | undefined = err, prefix = "error"; error; error = error.cause, prefix = "caused by") {
    const { name, stack, cause: _cause, errors: _errors, ...details } = error;
    const detailText = Object.entries(details).map(([key, value]) => `${key}=${formatTextValue(value)}`);
    text += `\n  ${prefix}: ${name}${detailText.length ? ` ${detailText.join(" ")}` : ""}${stack ? `\n${stack}` : ""}`;
  }
  return `${text}\n`;
}

function readLevel(value: string | undefined): Level | "silent" {
  const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
  return levels.find((level) => level === value?.trim().toLowerCase()) ?? "info";
}

function readFormat(value: string | undefined, nodeEnv: string | undefined): LogFormat {
  const format = LOG_FORMATS.find((candidate) => candidate === value?.trim().toLowerCase());
  return format ?? (nodeEnv === "production" ? "json" : "text");
}

export type LoggerOptions = {
  /** Where lines go; standard error by default. Tests pass a stream to read them. */
  destination?: DestinationStream;
  /** `json` (one object a line) or `text` (for a terminal); LOG_FORMAT, else json in production. */
  format?: LogFormat;
  /** LOG_LEVEL, else info. */
  level?: Level | "silent";
};

export type ErrorLogger = (event: string, error: unknown, context?: LogContext) => void;

export function createLogger(options: LoggerOptions = {}): { logger: Logger; logError: ErrorLogger; logWarning: ErrorLogger } {
  const format = options.format ?? readFormat(process.env.LOG_FORMAT, process.env.NODE_ENV);
  const json = options.destination ?? pino.destination({ dest: 2, sync: true });
  const destination: DestinationStream = format === "json" ? json : { write: (line: string) => json.write(formatTextLine(line)) };
  const logger = pino(
    {
      level: options.level ?? readLevel(process.env.LOG_LEVEL),
      // every error is made safe by makeFieldsSafe; pino's own serializer would copy its fields back
      serializers: { err: (value: unknown) => value },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { log: makeFieldsSafe },
      hooks: { logMethod: nameUnnamedErrorLines },
    },
    destination,
  );
  const log = (level: "error" | "warn") => (event: string, error: unknown, context: LogContext = {}) => {
    // the context first, so no key of it can replace the event or the error
    logger[level]({ ...context, err: error }, event);
  };
  return { logger, logError: log("error"), logWarning: log("warn") };
}

const shared = createLogger();

/** For events that are not errors (a job's counts, a start-up step). */
export const logger = shared.logger;
/** An unexpected error, with what was going on: `logError("outbox.record_failed", error, { userId, messageId })`. */
export const logError: ErrorLogger = shared.logError;
/** A failure that is expected now and then (a mail server down) but worth seeing. */
export const logWarning: ErrorLogger = shared.logWarning;

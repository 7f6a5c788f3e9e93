import type { ErrorLogger } from "./log";

// Next.js reports a failed render or route with console.error(error): the
// message of a database error quotes the query and its parameters (a session
// lookup's token hash, a note being saved). Routed here, an error is logged as
// lib/log.ts logs any error (name, codes, stack frames, no message); strings
// Next.js writes around it are its own words, kept unless they quote a query.
const QUOTES_A_QUERY = /\bparams:|\bparameters\b|\bFailed query\b/i;
const MAX_TEXT_LENGTH = 300;

function describe(args: unknown[]): { error?: unknown; text: string } {
  const error = args.find((arg) => arg instanceof Error);
  const words = args
    .filter((arg): arg is string => typeof arg === "string" && !QUOTES_A_QUERY.test(arg))
    .join(" ")
    .slice(0, MAX_TEXT_LENGTH);
  return { error, text: words };
}

export function routeConsoleToLogger({ logError, logWarning }: { logError: ErrorLogger; logWarning: ErrorLogger }): void {
  console.error = (...args: unknown[]) => {
    const { error, text } = describe(args);
    logError("next.error", error ?? null, { words: text });
  };
  console.warn = (...args: unknown[]) => {
    const { error, text } = describe(args);
    logWarning("next.warning", error ?? null, { words: text });
  };
}

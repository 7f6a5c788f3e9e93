import { monitorEventLoopDelay } from "node:perf_hooks";
import { vi } from "vitest";
import { captureNavigation } from "../test/request-context";

// What an attack is judged by. A server action that throws anything but Next's
// redirect or notFound is a 500 for the caller; one that answers with the
// pipeline's generic "something went wrong" hit an error nobody expected (a
// database refusing a value, a bug), which is a 500 in a friendlier shape; a
// route handler answering 5xx or throwing is a 500 too.

// lib/actions/create-action.ts GENERIC_ERROR, and the sign-in form's and the draft preview's own
const UNEXPECTED_ANSWERS = [/went wrong on our side/i, /could not send the sign-in email/i, /preview could not be updated/i];

/** What was attacked ("saveSettingsAction", "GET signin/<p>"), with which payload, and what happened. */
export type Attack = { target: string; payload: string };
export type Finding = Attack & { problem: string };

export type AttackRecord = {
  calls: number;
  /** thrown errors and 5xx answers */
  serverErrors: Finding[];
  /** answers that say an unexpected error happened */
  unexpectedErrors: Finding[];
};

// One request that keeps the event loop to itself this long stalls every other
// user's request with it: a denial of service, whatever it was asked to do.
export const MAX_EVENT_LOOP_BLOCK_MS = 1_000;
const LOOP_DELAY_RESOLUTION_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
loopDelay.enable();

/** Every call, in every suite of this process, that blocked the event loop past MAX_EVENT_LOOP_BLOCK_MS. */
export const eventLoopStalls: Finding[] = [];

export function createAttackRecord(): AttackRecord {
  return { calls: 0, serverErrors: [], unexpectedErrors: [] };
}

function firstLine(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 200);
  return `${error.name}: ${error.message.split("\n")[0]!.slice(0, 200)}`;
}

// The histogram's max is the longest the loop's timer waited during this call
// alone (calls run one at a time). On a busy machine the process also waits
// for a core, which is not this call's doing: only as much of the wait as the
// process spent computing counts.
function judgeLoopDelay(record: AttackRecord, attack: Attack, cpuAtStart: NodeJS.CpuUsage): void {
  const cpu = process.cpuUsage(cpuAtStart);
  const blockedMs = Math.min(loopDelay.max / 1e6 - LOOP_DELAY_RESOLUTION_MS, (cpu.user + cpu.system) / 1000);
  if (blockedMs > MAX_EVENT_LOOP_BLOCK_MS) eventLoopStalls.push({ ...attack, problem: `blocked the event loop for ${Math.round(blockedMs)} ms` });
  record.calls += 1;
}

function answerMessage(result: unknown): string | undefined {
  return result && typeof result === "object" && "message" in result && typeof result.message === "string" ? result.message : undefined;
}

/** Runs one server action call and records how it went. */
export async function attackAction(record: AttackRecord, attack: Attack, run: () => Promise<unknown>) {
  loopDelay.reset();
  const cpuAtStart = process.cpuUsage();
  try {
    const outcome = await captureNavigation(run);
    const message = answerMessage(outcome.result);
    if (message && UNEXPECTED_ANSWERS.some((pattern) => pattern.test(message))) record.unexpectedErrors.push({ ...attack, problem: `answered "${message}"` });
    return outcome;
  } catch (error) {
    record.serverErrors.push({ ...attack, problem: `threw ${firstLine(error)}` });
    return undefined;
  } finally {
    judgeLoopDelay(record, attack, cpuAtStart);
  }
}

/** Runs one route handler call and records a 5xx or a throw. */
export async function attackRoute(record: AttackRecord, attack: Attack, run: () => Promise<Response>): Promise<Response | undefined> {
  loopDelay.reset();
  const cpuAtStart = process.cpuUsage();
  try {
    const response = await run();
    if (response.status >= 500) record.serverErrors.push({ ...attack, problem: `answered ${response.status}` });
    // Auth.js answers an error it did not expect with a redirect to its error page saying "Configuration"
    if (/[?&]error=Configuration\b/.test(response.headers.get("location") ?? "")) {
      record.unexpectedErrors.push({ ...attack, problem: "redirected to error=Configuration" });
    }
    // read the body as a client would: a stream that fails is a broken answer
    await response.arrayBuffer();
    return response;
  } catch (error) {
    record.serverErrors.push({ ...attack, problem: `threw ${firstLine(error)}` });
    return undefined;
  } finally {
    judgeLoopDelay(record, attack, cpuAtStart);
  }
}

/**
 * One line per target and problem (or per problem, listing targets), with how
 * often and a few examples, so a failure reads as a list of findings.
 */
export function summarize(findings: Finding[], { by = "target", examples = 3 }: { by?: "target" | "problem"; examples?: number } = {}): string[] {
  const groups = new Map<string, string[]>();
  for (const { target, payload, problem } of findings) {
    const key = by === "target" ? `${target}: ${problem}` : problem;
    groups.set(key, [...(groups.get(key) ?? []), by === "target" ? payload : target]);
  }
  return [...groups.entries()].map(([key, seen]) => `${key} — ${seen.length}× (${[...new Set(seen)].slice(0, examples).join(" | ")}${new Set(seen).size > examples ? " …" : ""})`);
}

/**
 * Silences console output while the attacks run (a 1 MB value in an error
 * message, thousands of times, buries the test report) and counts it instead.
 */
export function muteConsole(): { lines: () => number; restore: () => void; say: (message: string) => void } {
  let count = 0;
  const say = console.info.bind(console);
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation(() => {
      count += 1;
    }),
  );
  return { lines: () => count, restore: () => spies.forEach((spy) => spy.mockRestore()), say };
}

/** Own keys of the built-in prototypes, to compare before and after the attack. */
export function listPrototypeKeys(): Record<string, string[]> {
  const keys = (target: object) => Reflect.ownKeys(target).map(String).sort();
  return { Object: keys(Object.prototype), Array: keys(Array.prototype), Function: keys(Function.prototype), String: keys(String.prototype) };
}

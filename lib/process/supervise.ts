import type { ChildProcess } from "node:child_process";

// Keeps one child process running: restarts it when it dies (a crash, an OOM
// kill, `kill -9`) after a delay that doubles while it keeps dying quickly, and
// stops it in order when asked. scripts/serve.ts supervises the mail worker with
// it; a worker that died used to stay dead while the app kept queueing mail.

/** First restart after this long; doubled per quick death, up to the maximum. */
export const RESTART_DELAY_MS = 1_000;
export const MAX_RESTART_DELAY_MS = 60_000;
/** A child that ran this long before dying starts the delays over. */
export const STABLE_RUN_MS = 60_000;

export type SuperviseOptions = {
  /** for the log lines: "the mail worker" */
  name: string;
  start: () => ChildProcess;
  log: (line: string) => void;
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
  stableRunMs?: number;
};

export type Supervisor = {
  /** the running child, if any */
  current: () => ChildProcess | null;
  /** starts counted from the first: 1 until a restart */
  starts: () => number;
  /**
   * No more restarts; SIGTERM to the child, SIGKILL if it has not exited after
   * `graceMs`. Resolves once it has exited.
   */
  stop: (graceMs: number) => Promise<void>;
};

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `killed by ${signal}` : `exit code ${code}`;
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the child has exited. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<"stopped" | "killed"> {
  if (hasExited(child)) return "stopped";
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), graceMs);
    }),
  ]);
  clearTimeout(timer);
  if (!timedOut) return "stopped";
  child.kill("SIGKILL");
  await exited;
  return "killed";
}

export function superviseProcess(options: SuperviseOptions): Supervisor {
  const initialDelay = options.restartDelayMs ?? RESTART_DELAY_MS;
  const maxDelay = options.maxRestartDelayMs ?? MAX_RESTART_DELAY_MS;
  const stableRun = options.stableRunMs ?? STABLE_RUN_MS;
  let child: ChildProcess | null = null;
  let delay = initialDelay;
  let starts = 0;
  let isStopping = false;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = () => {
    starts += 1;
    const startedAt = Date.now();
    const launched = options.start();
    child = launched;
    launched.once("exit", (code, signal) => {
      if (child === launched) child = null;
      if (isStopping) return;
      if (Date.now() - startedAt >= stableRun) delay = initialDelay;
      options.log(`${options.name} stopped (${describeExit(code, signal)}); restarting it in ${Math.round(delay / 100) / 10} s.`);
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (!isStopping) launch();
      }, delay);
      delay = Math.min(delay * 2, maxDelay);
    });
  };
  launch();

  return {
    current: () => child,
    starts: () => starts,
    stop: async (graceMs) => {
      isStopping = true;
      clearTimeout(restartTimer);
      if (child) await stopChild(child, graceMs);
    },
  };
}

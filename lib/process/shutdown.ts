// How long a stopping process may take to finish what it is doing: the worker
// lets the sends in flight complete for this long (a send cut off ends
// "unknown": nobody can tell whether it left), and scripts/serve.ts kills a
// child that has not exited a little after it. Docker waits 10 s after SIGTERM
// before SIGKILL by default, systemd 90 s: set `stop_grace_period` /
// `TimeoutStopSec` above this.
export const SHUTDOWN_GRACE_SECONDS = 30;
const MAX_SHUTDOWN_GRACE_SECONDS = 3_600;

export function readShutdownGraceSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHUTDOWN_GRACE_SECONDS;
  if (raw === undefined || raw === "") return SHUTDOWN_GRACE_SECONDS;
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds < 1 || seconds > MAX_SHUTDOWN_GRACE_SECONDS) {
    throw new Error(`SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 1 to ${MAX_SHUTDOWN_GRACE_SECONDS}`);
  }
  return seconds;
}

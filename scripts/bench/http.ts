import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { NEXT_BIN } from "../runtime";
import { cpuSeconds } from "./profile";

export const LOAD_CONNECTIONS = 10;
const LOAD_SECONDS = 10;
/** Load before the measured rounds: a page's first seconds run cold code (JIT), and the larger app warms slower than the bare one. */
export const WARM_UP_SECONDS = 5;
const READY_TIMEOUT_MS = 60_000;

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU time per request of the server's processes and of PostgreSQL's, when the server's pid was given */
  cpuMs?: { server: number; database: number };
};

const NEXT_CLI = path.resolve("node_modules/next/dist/bin/next");

// A server left running by an interrupted run would answer in the new one's place.
async function assertPortFree(port: number): Promise<void> {
  const answered = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual", signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`port ${port} is already serving: stop that server first`);
}

async function waitUntilServing(child: ChildProcess, port: number, name: string): Promise<ChildProcess> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill();
  throw new Error(`${name} on port ${port} did not answer`);
}

// stdout is not read by either: a piped, unread stdout would fill and block the server
export async function startNext(cwd: string, port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
  await assertPortFree(port);
  const child = spawn(process.execPath, [...nodeArgs, NEXT_CLI, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { ...process.env, DATABASE_LOG_QUERIES: "false", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return waitUntilServing(child, port, "next start");
}

// The app as `npm start` serves it: Next.js behind scripts/web-server.ts.
export async function startApp(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
  await assertPortFree(port);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/web-server.ts"], {
    env: { ...process.env, DATABASE_LOG_QUERIES: "false", NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return waitUntilServing(child, port, "the web server");
}

export async function stopNext(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

/** Loads `url` for LOAD_SECONDS; given the server's pid, also the CPU each request cost it and PostgreSQL. */
export async function load(url: string, headers: Record<string, string> = {}, serverPid?: number, seconds = LOAD_SECONDS): Promise<LoadResult> {
  const before = serverPid === undefined ? undefined : cpuSeconds(serverPid);
  const result = await autocannon({ url, connections: LOAD_CONNECTIONS, duration: seconds, headers });
  const after = serverPid === undefined ? undefined : cpuSeconds(serverPid);
  const perRequest = (cpuUsed: number) => (cpuUsed * 1_000) / Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMs: before && after ? { server: perRequest(after.server - before.server), database: perRequest(after.database - before.database) } : undefined,
  };
}

// The yardstick (issue 17): a bare Next.js app, built with the same Next.js in a
// throwaway folder, whose one page renders the same DashboardView with the same
// props, read from a constant: no session, no database, actions that do nothing.
// What the dashboard costs beyond it is ours, not React's or Next.js's.
export function buildBaselineApp(projectRoot: string, dashboardProps: unknown): string {
  // inside the project, so it resolves the project's own next and react, and "@/..." to the project
  const dir = path.join(projectRoot, ".data", "bench-baseline");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "baseline", private: true, type: "module" }));
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", lib: ["dom", "esnext"], allowJs: true, skipLibCheck: true, strict: false, noEmit: true, module: "esnext", moduleResolution: "bundler", resolveJsonModule: true, isolatedModules: true, jsx: "react-jsx", paths: { "@/*": ["../../*"] } },
      include: ["app"],
    }),
  );
  // the folder that holds node_modules: Turbopack compiles nothing outside its root
  const root = path.dirname(realpathSync(path.join(projectRoot, "node_modules")));
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(root)} }, typescript: { ignoreBuildErrors: true } };\n`);
  writeFileSync(path.join(dir, "app/dashboard-props.json"), JSON.stringify(dashboardProps));
  writeFileSync(
    path.join(dir, "app/actions.js"),
    `"use server";
const done = async () => ({ status: "success" });
export const markStepDone = done;
export const skipStep = done;
export const snoozeStep = done;
export const recordOutcome = done;
export const undo = done;
`,
  );
  writeFileSync(
    path.join(dir, "app/layout.js"),
    'export default function RootLayout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  writeFileSync(
    path.join(dir, "app/page.js"),
    `import { connection } from "next/server";
import { DashboardView } from "@/app/(app)/dashboard/dashboard-view";
import { UndoToastProvider } from "@/components/undo-toast";
import { markStepDone, recordOutcome, skipStep, snoozeStep, undo } from "./actions";
import props from "./dashboard-props.json";
export default async function Page() {
  await connection();
  return <main><UndoToastProvider undoAction={undo}><DashboardView isDeleted={false} {...props} actions={{ markStepDone, skipStep, snoozeStep, recordOutcome }} /></UndoToastProvider></main>;
}
`,
  );
  const build = spawnSync(NEXT_BIN, ["build"], { cwd: dir, stdio: "pipe", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`baseline build failed: ${build.stdout.toString()}${build.stderr.toString()}`);
  return dir;
}

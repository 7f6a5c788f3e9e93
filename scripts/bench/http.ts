import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { NEXT_BIN } from "../runtime";

export const LOAD_CONNECTIONS = 10;
const LOAD_SECONDS = 10;
const READY_TIMEOUT_MS = 60_000;

export type LoadResult = { requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number };

const NEXT_CLI = path.resolve("node_modules/next/dist/bin/next");

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
  const child = spawn(process.execPath, [...nodeArgs, NEXT_CLI, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd,
    env: { ...process.env, DATABASE_LOG_QUERIES: "false", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  return waitUntilServing(child, port, "next start");
}

// The app as `npm start` serves it: Next.js behind scripts/web-server.ts.
export async function startApp(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
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

export async function load(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const result = await autocannon({ url, connections: LOAD_CONNECTIONS, duration: LOAD_SECONDS, headers });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

// The yardstick from the issue: a bare Next.js page that renders a 50-item list,
// built with the same Next.js in a throwaway folder.
export function buildBaselineApp(projectRoot: string): string {
  // inside the project, so it resolves the project's own next and react
  const dir = path.join(projectRoot, ".data", "bench-baseline");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "baseline", private: true, type: "module" }));
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(projectRoot)} } };\n`);
  writeFileSync(
    path.join(dir, "app/layout.js"),
    'export default function RootLayout({ children }) { return <html lang="en"><body>{children}</body></html>; }\n',
  );
  writeFileSync(
    path.join(dir, "app/page.js"),
    `import { connection } from "next/server";
export default async function Page() {
  await connection();
  const items = Array.from({ length: 50 }, (_, i) => ({ id: i, label: "Item " + i }));
  return <ul>{items.map((item) => <li key={item.id}>{item.label}</li>)}</ul>;
}
`,
  );
  const build = spawnSync(NEXT_BIN, ["build"], { cwd: dir, stdio: "pipe", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error(`baseline build failed: ${build.stderr.toString()}`);
  return dir;
}

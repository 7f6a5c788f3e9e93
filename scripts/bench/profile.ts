// `npm run bench -- --profile`: where the web server's CPU goes while it serves
// the dashboard under load, and how much the database takes beside it.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

type CpuProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type CpuProfile = { nodes: CpuProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

const CLOCK_TICKS_PER_SECOND = 100;

type ProcessStat = { pid: number; parent: number; command: string; cpuSeconds: number };

function readProcesses(): ProcessStat[] {
  const processes: ProcessStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // after "pid (command) ": state is field 0, the parent 1, utime 11 and stime 12
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.push({
        pid: Number(entry),
        parent: Number(fields[1]),
        command: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
        cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
      });
    } catch {
      // the process ended while we read
    }
  }
  return processes;
}

/** CPU seconds (user + system) used so far by a process and its descendants, and by every PostgreSQL process. */
export function cpuSeconds(rootPid: number): { server: number; database: number } {
  const processes = readProcesses();
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const process of processes) {
      if (!tree.has(process.pid) && tree.has(process.parent)) {
        tree.add(process.pid);
        grew = true;
      }
    }
  }
  const sum = (list: ProcessStat[]) => list.reduce((total, process) => total + process.cpuSeconds, 0);
  return { server: sum(processes.filter((process) => tree.has(process.pid))), database: sum(processes.filter((process) => process.command.startsWith("postgres"))) };
}

/** Reads the main thread's profile in `dir` (a worker thread writes one of its own), and removes them all. */
export function takeProfile(dir: string): CpuProfile {
  const files = readdirSync(dir).filter((file) => file.endsWith(".cpuprofile"));
  // CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile; thread 0 is the main one
  const main = files.find((file) => file.split(".")[4] === "0");
  if (!main) throw new Error(`no main-thread profile in ${dir}`);
  const profile = JSON.parse(readFileSync(path.join(dir, main), "utf8")) as CpuProfile;
  for (const file of files) rmSync(path.join(dir, file));
  return profile;
}

const shortUrl = (url: string) => url.replace(/^.*\/node_modules\//, "").replace(/^.*\/\.next\//, ".next/").replace(/^file:\/\//, "");
const moduleOf = (url: string) => {
  if (!url) return "(native, GC, idle)";
  const inPackage = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return inPackage ? inPackage[1]! : shortUrl(url);
};

/**
 * Self time by module and by function, and inclusive time by function, over the
 * samples taken in the last `windowMs` before `endOffsetMs` from the profile's end.
 */
export function summariseProfile(profile: CpuProfile, { windowMs, endOffsetMs }: { windowMs: number; endOffsetMs: number }, top = 25): string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const to = profile.endTime - endOffsetMs * 1_000;
  const from = to - windowMs * 1_000;
  const selfByModule = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const name = (node: CpuProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  let at = profile.startTime;
  let counted = 0;
  profile.samples.forEach((sample, index) => {
    at += profile.timeDeltas[index] ?? 0;
    if (at < from || at > to) return;
    const node = nodes.get(sample)!;
    if (node.callFrame.functionName === "(idle)") return;
    counted += 1;
    add(selfByModule, moduleOf(node.callFrame.url));
    add(selfByFunction, name(node));
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parents.get(id)) {
      const key = name(nodes.get(id)!);
      if (!seen.has(key)) add(inclusive, key);
      seen.add(key);
    }
  });
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, count]) => `    ${((100 * count) / counted).toFixed(1).padStart(5)}%  ${key}`)
      .join("\n");
  return [`  ${counted} busy samples`, "  self time by module:", list(selfByModule), "  self time by function:", list(selfByFunction), "  inclusive time:", list(inclusive)].join("\n");
}

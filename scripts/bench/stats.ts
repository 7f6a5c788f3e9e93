import { performance } from "node:perf_hooks";

export type Timing = { median: number; p95: number; min: number; max: number; runs: number };

export function summarise(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0, runs: sorted.length };
}

export async function time(runs: number, warmup: number, run: () => unknown): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return summarise(samples);
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}

export function report(label: string, timing: Timing, extra = ""): void {
  console.log(`  ${label}: median ${ms(timing.median)}, p95 ${ms(timing.p95)}, min ${ms(timing.min)} (${timing.runs} runs)${extra}`);
}

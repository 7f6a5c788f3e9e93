import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "../db/client";
import { eventLoopStalls, listPrototypeKeys, MAX_EVENT_LOOP_BLOCK_MS, muteConsole, summarize } from "./harness";
import { guardNetwork, type GuardedAttempt } from "./network-guard";
import { POLLUTION_MARKER } from "./hostile-forms";
import { snapshotUserRows, type UserRowsSnapshot } from "./snapshot";

// What must still hold once every hostile request of a suite has run: the
// victim's rows as they were, the built-in prototypes as they were, nothing
// reached off this machine, and a server that still answers at once.
// The issue asks for the last one as a figure: answered within 100 ms.
export const RESPONSIVE_WITHIN_MS = 100;
const RESPONSIVENESS_PROBES = 5;

type Watch = {
  before?: UserRowsSnapshot;
  prototypeKeys?: Record<string, string[]>;
  attempts: GuardedAttempt[];
  restoreNetwork?: () => void;
  console?: ReturnType<typeof muteConsole>;
};

function databaseHost(): string[] {
  const url = process.env.DATABASE_URL;
  return url ? [new URL(url).hostname.replace(/^\[|\]$/g, "")] : [];
}

// One setImmediate round trip (the event loop is free) plus one query (the pool answers).
async function probeResponsiveness(): Promise<number> {
  const started = performance.now();
  await new Promise<void>((resolve) => setImmediate(resolve));
  await getDb().execute(sql`select 1`);
  return performance.now() - started;
}

/**
 * Call after the victim is seeded (its beforeAll must come first) and before
 * the attacks: snapshots, guards the network, and watches the event loop.
 * `defineAftermathTests` then adds the checks, to run after the attacks.
 */
export function watchAftermath(victimUserId: () => string) {
  const watch: Watch = { attempts: [] };
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });

  beforeAll(async () => {
    watch.before = await snapshotUserRows(victimUserId());
    watch.prototypeKeys = listPrototypeKeys();
    const guard = guardNetwork(databaseHost());
    watch.attempts = guard.attempts;
    watch.restoreNetwork = guard.restore;
    watch.console = muteConsole();
    loopDelay.enable();
  });
  afterAll(() => {
    loopDelay.disable();
    watch.restoreNetwork?.();
    watch.console?.restore();
  });

  function defineAftermathTests(): void {
    it("another user's rows never change", async () => {
      expect(await snapshotUserRows(victimUserId())).toEqual(watch.before);
    });

    it("no built-in prototype gains a key", () => {
      expect(listPrototypeKeys()).toEqual(watch.prototypeKeys);
      expect(({} as Record<string, unknown>)[POLLUTION_MARKER]).toBeUndefined();
      expect(([] as unknown as Record<string, unknown>)[POLLUTION_MARKER]).toBeUndefined();
    });

    it("nothing off this machine is looked up or dialed", () => {
      expect(watch.attempts).toEqual([]);
    });

    it(`no single hostile request blocks the event loop for ${MAX_EVENT_LOOP_BLOCK_MS} ms`, () => {
      expect(summarize(eventLoopStalls)).toEqual([]);
    });

    it(`the process answers within ${RESPONSIVE_WITHIN_MS} ms afterwards`, async () => {
      const probes: number[] = [];
      for (let i = 0; i < RESPONSIVENESS_PROBES; i++) probes.push(await probeResponsiveness());
      const median = [...probes].sort((a, b) => a - b)[Math.floor(probes.length / 2)]!;
      watch.console?.restore();
      // the figure the issue asks for, and the worst event-loop stall seen while under attack
      console.info(
        `[hostile input] afterwards: setImmediate + select 1 in ${probes.map((ms) => ms.toFixed(1)).join(", ")} ms (median ${median.toFixed(1)}); ` +
          `longest event-loop delay during the attack ${(loopDelay.max / 1e6).toFixed(0)} ms; ${watch.console?.lines() ?? 0} console lines muted`,
      );
      expect(median).toBeLessThan(RESPONSIVE_WITHIN_MS);
    });
  }

  /** Says something in the test report while the console is muted. */
  function note(message: string): void {
    (watch.console?.say ?? console.info)(`[hostile input] ${message}`);
  }

  return { defineAftermathTests, note };
}

import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded";

const parent = mkdtempSync(path.join(tmpdir(), "afterview-embedded-"));

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("keeps its data across a stop and a restart, on a new free port", async () => {
    const dataDir = path.join(parent, "pg");
    const first = await startEmbeddedPostgres({ dataDir });
    const sql = postgres(first.url, { max: 1, onnotice: () => {} });
    await sql`create table kept (value text)`;
    await sql`insert into kept values ('still here')`;
    await sql.end();
    await first.stop();

    const second = await startEmbeddedPostgres({ dataDir });
    const again = postgres(second.url, { max: 1, onnotice: () => {} });
    const rows = await again`select value from kept`;
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "still here" }]);
    if (userInfo().uid === 0) {
      // PostgreSQL refuses root: as root the cluster belongs to the postgres user
      expect(statSync(dataDir).uid).not.toBe(0);
    }
  }, 60_000);

  it("refuses to start twice on one data directory", async () => {
    const dataDir = path.join(parent, "twice");
    const running = await startEmbeddedPostgres({ dataDir });
    try {
      await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already using/);
    } finally {
      await running.stop();
    }
  }, 60_000);
});

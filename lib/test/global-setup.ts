import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { createDatabase, runMigrations } from "../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
    templateDatabase: string;
  }
}

// One PostgreSQL for the run (DATABASE_URL, or an embedded one), one migrated
// template database; every test file clones its own database from it.
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString("hex");
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data", `test-postgres-${runId}`),
      // the run's own: its port is open to every local user while the tests run
      password: randomBytes(32).toString("hex"),
      persistent: false,
    });
    serverUrl = embedded.url;
  }
  const templateDatabase = `afterview_test_${runId}_template`;
  await runMigrations(await createDatabase(serverUrl, templateDatabase));
  project.provide("serverUrl", serverUrl);
  project.provide("templateDatabase", templateDatabase);

  return async () => {
    if (embedded) {
      await embedded.stop();
      return;
    }
    const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const rows = await sql<{ datname: string }[]>`
      select datname from pg_database where datname like ${`afterview_test_${runId}_%`}`;
    for (const { datname } of rows) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    await sql.end();
  };
}

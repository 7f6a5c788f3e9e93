import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, getDb } from "../db/client";
import { createDatabase } from "../db/migrate";
import { stopQueue } from "../jobs/queue";

// Gives the calling test file a database of its own, cloned from the migrated
// template. The data layer connects lazily, so setting DATABASE_URL here is enough.
export function setupTestDatabase(): void {
  beforeAll(async () => {
    const template = inject("templateDatabase");
    const name = template.replace(/_template$/, `_${randomBytes(4).toString("hex")}`);
    process.env.DATABASE_URL = await createDatabase(inject("serverUrl"), name, template);
  });
  afterAll(async () => {
    await stopQueue();
    await closeDb();
  });
}

export { getDb };

import { sql } from "drizzle-orm";
import { getDb } from "../db/client";

// Every row a user owns, read from the catalog rather than from a list of
// tables: a table added later, with a userId or user_id column, is covered
// without anyone remembering to add it here.
const OWNER_COLUMNS = ["userId", "user_id"];

type OwnedTable = { table: string; column: string };

async function listOwnedTables(): Promise<OwnedTable[]> {
  const rows = await getDb().execute<{ table_name: string; column_name: string }>(sql`
    select table_name, column_name from information_schema.columns
    where table_schema = 'public' and column_name in ${OWNER_COLUMNS}
    order by table_name`);
  // the user row itself is keyed by id
  return [{ table: "user", column: "id" }, ...rows.map((row) => ({ table: row.table_name, column: row.column_name }))];
}

/** table name -> the user's rows there, each as JSON, in a stable order. */
export type UserRowsSnapshot = Record<string, string[]>;

export async function snapshotUserRows(userId: string): Promise<UserRowsSnapshot> {
  const snapshot: UserRowsSnapshot = {};
  for (const { table, column } of await listOwnedTables()) {
    const rows = await getDb().execute<{ row: string }>(
      sql`select to_jsonb(t)::text as row from ${sql.identifier(table)} t where ${sql.identifier(column)} = ${userId}`,
    );
    snapshot[table] = rows.map((row) => row.row).sort();
  }
  return snapshot;
}

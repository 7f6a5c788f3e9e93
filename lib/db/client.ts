import "server-only";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { readDatabaseEnv } from "@/lib/env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
// The database or a transaction of it: what a function that writes as part of
// its caller's transaction takes. "execute" and "transaction": the plan-change
// announcement writes its job in a savepoint (lib/plan/plan-change.ts).
export type Executor = Pick<Database, "select" | "insert" | "update" | "delete" | "execute" | "transaction">;

type Holder = { db?: Database; sql?: postgres.Sql };

// One pool per process; cached on globalThis so dev-mode reloads reuse it.
const holder = ((globalThis as { __afterviewDb?: Holder }).__afterviewDb ??= {});

function connect(): Database {
  const env = readDatabaseEnv();
  const sql = postgres(env.DATABASE_URL, { max: env.DATABASE_POOL_MAX, onnotice: () => {} });
  holder.sql = sql;
  // DATABASE_LOG_QUERIES=true prints every statement (debugging, and the bench's query count)
  const logger = env.DATABASE_LOG_QUERIES ? { logQuery: (query: string) => console.debug(`[sql] ${query}`) } : false;
  holder.db = drizzle({ client: sql, schema, logger });
  return holder.db;
}

export function getDb(): Database {
  return holder.db ?? connect();
}

// Lazy, so importing the data layer (e.g. during `next build`) opens nothing.
export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const instance = getDb();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

export async function closeDb(): Promise<void> {
  await holder.sql?.end({ timeout: 5 });
  holder.sql = undefined;
  holder.db = undefined;
}

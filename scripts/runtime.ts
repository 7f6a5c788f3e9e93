import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { EmbeddedDatabase } from "../lib/db/embedded";
import { runMigrations } from "../lib/db/migrate";

export const DATA_DIR = path.resolve(process.env.AFTERVIEW_DATA_DIR ?? ".data");
const EMBEDDED_DATABASE_NAME = "afterview";

export function loadDotEnv(): void {
  for (const file of [".env.local", ".env"]) {
    if (existsSync(file)) process.loadEnvFile(file);
  }
}

const LOCAL_SECRET_BYTES = 32;

// Zero-setup secrets: each generated once into .data/secrets.json (mode 600) the
// first time it is needed, and read from there afterwards.
export function readLocalSecret(name: string, generate: () => string): string {
  const file = path.join(DATA_DIR, "secrets.json");
  mkdirSync(DATA_DIR, { recursive: true });
  const stored: Record<string, string> = existsSync(file)
    ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>)
    : {};
  if (!stored[name]) {
    stored[name] = generate();
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  // the mode applies only when the file is created: one copied in or made by hand may be readable by others
  chmodSync(file, 0o600);
  return stored[name];
}

// Production sets AUTH_SECRET and ENCRYPTION_KEY explicitly; without them the
// local file provides them.
export function ensureLocalSecrets(): void {
  for (const name of ["AUTH_SECRET", "ENCRYPTION_KEY"]) {
    process.env[name] ||= readLocalSecret(name, () => randomBytes(LOCAL_SECRET_BYTES).toString("base64"));
  }
}

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select 1 from pg_database where datname = ${name}`;
    if (!row) await sql.unsafe(`create database "${name}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export type Database = { url: string; embedded: EmbeddedDatabase | null };

// DATABASE_URL wins; without it the embedded PostgreSQL under .data/ starts.
export async function prepareDatabase(log: (line: string) => void): Promise<Database> {
  if (process.env.DATABASE_URL) {
    await runMigrations(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, embedded: null };
  }
  log(`Starting embedded PostgreSQL (data in ${path.join(DATA_DIR, "postgres")})...`);
  // only this installation knows it: the cluster's port is open to every local user
  const password = readLocalSecret("EMBEDDED_DATABASE_PASSWORD", () => randomBytes(LOCAL_SECRET_BYTES).toString("hex"));
  // imported here, the one place that starts it: the worker and the tools import this module too
  const { startEmbeddedPostgres } = await import("../lib/db/embedded");
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), password });
  try {
    const url = await ensureDatabase(embedded.url, EMBEDDED_DATABASE_NAME);
    await runMigrations(url);
    process.env.DATABASE_URL = url;
    return { url, embedded };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

const SOURCE_ENTRIES = ["app", "components", "lib", "emails", "public", "package.json", "next.config.ts", "postcss.config.mjs", "auth.ts"];
export const NEXT_BIN = path.resolve("node_modules/.bin/next");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, child) => Math.max(newest, newestMtime(path.join(entry, child))),
    stat.mtimeMs,
  );
}

export function isBuildStale(): boolean {
  const buildId = path.resolve(".next/BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return SOURCE_ENTRIES.some((entry) => newestMtime(entry) > builtAt);
}


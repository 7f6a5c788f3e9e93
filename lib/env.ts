import { z } from "zod";

// One validated view of the environment. Read lazily so scripts can set
// DATABASE_URL (embedded Postgres) before the first use.
const databaseSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgres:// URL" }),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_LOG_QUERIES: z.stringbool().default(false),
});

const envSchema = z.object({
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "ENCRYPTION_KEY must be 32 random bytes in base64"),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Afterview <no-reply@afterview.local>"),
  AUTH_GOOGLE_ID: z.string().optional(),
  AUTH_GOOGLE_SECRET: z.string().optional(),
  // where the Google APIs and Google's token endpoint are; set to point the app at a stand-in
  GOOGLE_API_ROOT_URL: z.string().url().optional(),
  GOOGLE_OAUTH_TOKEN_URL: z.string().url().optional(),
  // the daily cleanup deletes dev outbox mail (sign-in links included) older than this
  DEV_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(7),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
}

// Read when the pool is created, not cached here: the embedded database (and each
// test file's own database) sets DATABASE_URL after the process starts.
export function readDatabaseEnv(): z.infer<typeof databaseSchema> {
  const parsed = databaseSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment:\n${describeIssues(parsed.error)}`);
  return parsed.data;
}

export function readEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse({
    ...process.env,
    SMTP_URL: process.env.SMTP_URL || undefined,
    AUTH_GOOGLE_ID: process.env.AUTH_GOOGLE_ID || undefined,
    AUTH_GOOGLE_SECRET: process.env.AUTH_GOOGLE_SECRET || undefined,
    GOOGLE_API_ROOT_URL: process.env.GOOGLE_API_ROOT_URL || undefined,
    GOOGLE_OAUTH_TOKEN_URL: process.env.GOOGLE_OAUTH_TOKEN_URL || undefined,
    DEV_OUTBOX_RETENTION_DAYS: process.env.DEV_OUTBOX_RETENTION_DAYS || undefined,
  });
  if (!parsed.success) throw new Error(`Invalid environment:\n${describeIssues(parsed.error)}`);
  cached = parsed.data;
  return cached;
}

export function isGoogleConfigured(env: Env = readEnv()): boolean {
  return Boolean(env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET);
}

// Without a mail server, mail lands in the dev outbox (docs/architecture.md "Runtime defaults").
export function isDevOutboxEnabled(env: Env = readEnv()): boolean {
  return !env.SMTP_URL;
}

const PORT_LIST = /^\d{1,5}(?:\s*,\s*\d{1,5})*$/;

// Which mail servers users' SMTP and IMAP settings may reach (lib/net/mail-destination.ts).
const mailNetworkSchema = z.object({
  NODE_ENV: z.string().default("development"),
  // ports allowed beside the usual mail ports: a comma list, or * for any
  MAIL_ALLOWED_PORTS: z
    .string()
    .trim()
    .default("")
    .refine(
      (value) => value === "" || value === "*" || (PORT_LIST.test(value) && value.split(",").every((port) => Number(port) >= 1 && Number(port) <= 65535)),
      "MAIL_ALLOWED_PORTS must be * or a comma list of ports between 1 and 65535",
    ),
  // private, loopback, link-local and carrier-grade NAT addresses in production too
  MAIL_ALLOW_PRIVATE_HOSTS: z.stringbool().default(false),
});

export type MailNetworkEnv = { isProduction: boolean; extraPorts: "any" | number[]; allowsPrivateHosts: boolean };

// Read on every use, not cached: the operator's choice applies to the next connection, and a test can change it.
export function readMailNetworkEnv(): MailNetworkEnv {
  const parsed = mailNetworkSchema.safeParse({
    NODE_ENV: process.env.NODE_ENV || undefined,
    MAIL_ALLOWED_PORTS: process.env.MAIL_ALLOWED_PORTS,
    MAIL_ALLOW_PRIVATE_HOSTS: process.env.MAIL_ALLOW_PRIVATE_HOSTS || undefined,
  });
  if (!parsed.success) throw new Error(`Invalid environment:\n${describeIssues(parsed.error)}`);
  const ports = parsed.data.MAIL_ALLOWED_PORTS;
  return {
    isProduction: parsed.data.NODE_ENV === "production",
    extraPorts: ports === "*" ? "any" : ports === "" ? [] : ports.split(",").map(Number),
    allowsPrivateHosts: parsed.data.MAIL_ALLOW_PRIVATE_HOSTS,
  };
}

import "server-only";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { readDatabaseEnv } from "@/lib/env";
import { logError } from "@/lib/log";

// The job queue lives in the app's PostgreSQL (schema "pgboss"): jobs are
// claimed with SKIP LOCKED, so any number of workers can share it.
export const QUEUES = {
  /** one job per outbound message, released at its send time (lib/mail/worker.ts) */
  outboxSend: "outbox-send",
  /** every minute: messages whose job was lost, sends whose worker died */
  outboxSweep: "outbox-sweep",
  /** every few minutes: look for replies over IMAP or the Gmail API */
  replyCheck: "reply-check",
  /** after a plan changes: bring the user's Google Calendar up to date */
  calendarPush: "calendar-push",
  /** daily: delete expired sessions, sign-in tokens and rate-limit counters, and old dev outbox mail (lib/jobs/daily-cleanup.ts) */
  sessionCleanup: "session-cleanup",
  /** every 15 minutes: users whose morning digest hour has come, one digestSend job each (lib/digest/scan.ts) */
  digestScan: "digest-scan",
  /** one user's morning digest for one local date (lib/digest/send-digest.ts) */
  digestSend: "digest-send",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export type QueueSettings = {
  /** a job still active this long after it started is failed and retried (the worker died) */
  expireInSeconds: number;
  /** how often expired jobs are found; with expireInSeconds, bounds how long a crashed send waits */
  maintenanceIntervalSeconds: number;
  retryLimit: number;
  /** first retry after this long, then doubling (pg-boss retryBackoff) */
  retryDelaySeconds: number;
  pollingIntervalSeconds: number;
};

export const DEFAULT_QUEUE_SETTINGS: QueueSettings = {
  expireInSeconds: 120,
  maintenanceIntervalSeconds: 60,
  retryLimit: 5,
  retryDelaySeconds: 30,
  // how late a due message can leave at worst, and the ceiling on an idle worker's queries
  pollingIntervalSeconds: 0.5,
};

export type QueueRole = "client" | "worker";

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss>; url?: string; settings?: QueueSettings; role?: QueueRole };

// One pg-boss per process (cached on globalThis so dev reloads reuse it).
const holder = ((globalThis as { __afterviewQueue?: Holder }).__afterviewQueue ??= {});

function createBoss(url: string, settings: QueueSettings, role: QueueRole): PgBoss {
  const boss = new PgBoss({
    connectionString: url,
    application_name: `afterview-${role}`,
    max: role === "worker" ? 6 : 2,
    schema: "pgboss",
    // only workers expire jobs and run cron schedules; the web tier just sends
    supervise: role === "worker",
    schedule: role === "worker",
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
  });
  boss.on("error", (error) => logError("queue.error", error));
  return boss;
}

// Carried by each job (not only the queue's defaults), so processes with other settings can't change them.
function jobOptions(settings: QueueSettings) {
  return {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: settings.expireInSeconds,
  };
}

async function startBoss(url: string, settings: QueueSettings, role: QueueRole): Promise<PgBoss> {
  const boss = createBoss(url, settings, role);
  await boss.start();
  for (const name of Object.values(QUEUES)) {
    // a user's calendar push is "stately": at most one waiting and one running, so two pushes never race to create the calendar;
    // a digest is "short": at most one waiting per user and local date, so scans that overlap queue one job (its claim, not the queue, keeps the send single)
    const policy = name === QUEUES.calendarPush ? ("stately" as const) : name === QUEUES.digestSend ? ("short" as const) : ("standard" as const);
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy, ...jobOptions(settings) });
  }
  return boss;
}

/**
 * The started queue for this process's database. A call without options takes
 * whatever runs; asking for the worker role or other settings restarts a queue
 * started otherwise (a worker must supervise expired jobs).
 */
export async function getQueue(options: { role?: QueueRole; settings?: QueueSettings } = {}): Promise<PgBoss> {
  const url = readDatabaseEnv().DATABASE_URL;
  const isOtherRole = options.role === "worker" && holder.role === "client";
  const isOtherSettings = options.settings !== undefined && holder.settings !== undefined && options.settings !== holder.settings;
  if (holder.url !== url || isOtherRole || isOtherSettings) await stopQueue();
  if (holder.boss) return holder.boss;
  holder.url = url;
  holder.settings = options.settings ?? DEFAULT_QUEUE_SETTINGS;
  holder.role = options.role ?? "client";
  holder.starting ??= startBoss(url, holder.settings, holder.role).then((boss) => {
    holder.boss = boss;
    return boss;
  });
  try {
    return await holder.starting;
  } catch (error) {
    holder.starting = undefined;
    holder.url = undefined;
    holder.role = undefined;
    throw error;
  }
}

export function getQueueSettings(): QueueSettings {
  return holder.settings ?? DEFAULT_QUEUE_SETTINGS;
}

/** A transaction of the app's database client: a job sent through it exists only if the transaction commits. */
export type QueueTransaction = Pick<Database, "execute">;

export type EnqueueOptions = { startAfter?: Date; singletonKey?: string; transaction?: QueueTransaction };

// pg-boss writes its SQL for node-postgres ($1 placeholders, objects sent as
// JSON, no undefined); this runs it as one statement of the caller's Drizzle
// transaction instead of on pg-boss's own pool.
function toBossDb(transaction: QueueTransaction): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const chunks = text.split(/\$(\d+)/).map((part, index) => (index % 2 === 0 ? sql.raw(part) : sql.param(toDriverValue(values[Number(part) - 1]))));
      return { rows: [...(await transaction.execute(sql.join(chunks)))] };
    },
  };
}

function toDriverValue(value: unknown): unknown {
  if (value === undefined) return null;
  const isJson = value !== null && typeof value === "object" && !(value instanceof Date) && !Array.isArray(value) && !(value instanceof Uint8Array);
  if (isJson) return JSON.stringify(value);
  return value;
}

export async function enqueue(name: QueueName, data: object, options: EnqueueOptions = {}): Promise<string | null> {
  const boss = await getQueue();
  return boss.send(name, data, {
    ...jobOptions(getQueueSettings()),
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(options.transaction ? { db: toBossDb(options.transaction) } : {}),
  });
}

const ENQUEUE_CHUNK_SIZE = 1_000;

/** Jobs in one statement per thousand (a scan that queues one per user); a key already waiting in a stately queue is dropped. */
export async function enqueueMany(name: QueueName, jobs: { data: object; singletonKey?: string }[]): Promise<void> {
  const boss = await getQueue();
  const options = jobOptions(getQueueSettings());
  for (let start = 0; start < jobs.length; start += ENQUEUE_CHUNK_SIZE) {
    await boss.insert(jobs.slice(start, start + ENQUEUE_CHUNK_SIZE).map((job) => ({ name, ...options, ...job })));
  }
}

/**
 * A new job with the data and the retry and expiry options `job` carries, due
 * at `startAfter`. The outbox retries this way rather than with pg-boss's own
 * retry: a fresh job starts its retry count at 0, so only the message's own
 * attempts limit its sends (lib/mail/delivery.ts). Through the worker's own
 * queue, which stays open while a stopping worker finishes its batch.
 */
export async function sendJobAgain(
  boss: PgBoss,
  name: QueueName,
  job: PgBoss.JobWithMetadata<object>,
  { startAfter }: { startAfter?: Date } = {},
): Promise<string | null> {
  const expire = job.expireIn;
  const expireInSeconds = (((expire.days ?? 0) * 24 + (expire.hours ?? 0)) * 60 + (expire.minutes ?? 0)) * 60 + (expire.seconds ?? 0);
  return boss.send(name, job.data, {
    retryLimit: job.retryLimit,
    retryDelay: job.retryDelay,
    retryBackoff: job.retryBackoff,
    expireInSeconds: expireInSeconds > 0 ? expireInSeconds : getQueueSettings().expireInSeconds,
    ...(startAfter ? { startAfter } : {}),
  });
}

/** Stops workers (letting active jobs finish, up to `timeoutMs`) and closes the pool. */
export async function stopQueue({ timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<void> {
  const boss = holder.boss ?? (await holder.starting?.catch(() => undefined));
  holder.boss = undefined;
  holder.starting = undefined;
  holder.url = undefined;
  holder.settings = undefined;
  holder.role = undefined;
  if (boss) await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
}

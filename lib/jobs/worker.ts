import "server-only";
import { handleCalendarPushJob } from "@/lib/calendar/push-job";
import type { CalendarPushJobData } from "@/lib/calendar/push-request";
import { DIGEST_SCAN_CRON } from "@/lib/digest/schedule";
import { scanDigests } from "@/lib/digest/scan";
import { sendDigest, type DigestJobData } from "@/lib/digest/send-digest";
import { readEnv } from "@/lib/env";
import { logError, logger } from "@/lib/log";
import { handleReplyCheckJob } from "@/lib/replies/jobs";
import { deliverJobs, type DeliveryContext } from "@/lib/mail/delivery";
import type { OutboxJobData } from "@/lib/mail/outbox";
import { closeSmtpTransports } from "@/lib/mail/sender";
import { sweepOutbox } from "@/lib/mail/sweep";
import { startHeartbeat } from "./heartbeat";
import { runDailyCleanup } from "./daily-cleanup";
import { DEFAULT_QUEUE_SETTINGS, getQueue, QUEUES, sendJobAgain, stopQueue, type QueueSettings } from "./queue";

/** Send jobs fetched per poll, and pollers per process. */
export const OUTBOX_BATCH_SIZE = 100;
export const OUTBOX_POLLERS = 2;
/** Replies are looked for every few minutes: follow-ups are days apart, so this is plenty. */
export const REPLY_CHECK_CRON = "*/5 * * * *";

export type WorkerOptions = {
  settings?: QueueSettings;
  batchSize?: number;
  pollers?: number;
  /** the worker's clock (tests pass their own) */
  now?: () => Date;
  getTransport?: DeliveryContext["getTransport"];
};

export type RunningWorker = {
  workerId: string;
  /**
   * Takes no more jobs, lets the sends in flight finish for up to `graceSeconds`
   * (a send cut off ends "unknown" after its job expires), then closes the
   * queue's pool and the SMTP connections. Messages of a batch not yet begun go
   * back to the queue untouched.
   */
  stop: (options?: { graceSeconds?: number }) => Promise<void>;
};

/** What stop() waits for the jobs in flight when not told otherwise. */
const DEFAULT_STOP_GRACE_SECONDS = 10;

/**
 * The background half of Afterview: sends queued mail, sweeps the outbox, and
 * runs the periodic jobs. `npm start` runs one next to the web server;
 * production runs `npm run worker`, any number of instances.
 */
export async function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  const settings = options.settings ?? DEFAULT_QUEUE_SETTINGS;
  const now = options.now ?? (() => new Date());
  const boss = await getQueue({ role: "worker", settings });
  let isStopping = false;
  const context: DeliveryContext = {
    now,
    expireInSeconds: settings.expireInSeconds,
    getTransport: options.getTransport,
    isStopping: () => isStopping,
  };

  for (let poller = 0; poller < (options.pollers ?? OUTBOX_POLLERS); poller++) {
    await boss.work<OutboxJobData>(
      QUEUES.outboxSend,
      { batchSize: options.batchSize ?? OUTBOX_BATCH_SIZE, includeMetadata: true, pollingIntervalSeconds: settings.pollingIntervalSeconds },
      async (jobs) => {
        const result = await deliverJobs(
          jobs.map((job) => ({ id: job.id, data: job.data, retryLimit: job.retryLimit, retryDelaySeconds: job.retryDelay })),
          context,
        ).catch((error: unknown) => {
          // the batch goes back to the queue (its rows are untouched or "sending", never sent twice); say why
          logError("worker.send_batch_failed", error, { jobs: jobs.length });
          throw error;
        });
        // each goes back as a new job after its backoff (lib/jobs/queue.ts sendJobAgain); this batch completes
        const jobById = new Map(jobs.map((job) => [job.id, job]));
        for (const retry of result.retry) await sendJobAgain(boss, QUEUES.outboxSend, jobById.get(retry.jobId)!, { startAfter: retry.startAfter });
      },
    );
  }

  await boss.work(QUEUES.outboxSweep, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
    await sweepOutbox({ now: now(), expireInSeconds: settings.expireInSeconds });
  });
  await boss.schedule(QUEUES.outboxSweep, "* * * * *");

  await boss.work(QUEUES.replyCheck, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
    await handleReplyCheckJob({ now: now() });
  });
  // a singleton key: overlapping checks would only open the same mailboxes twice
  await boss.schedule(QUEUES.replyCheck, REPLY_CHECK_CRON, {}, { singletonKey: "reply-check" });

  const env = readEnv();
  await boss.work<CalendarPushJobData>(QUEUES.calendarPush, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async ([job]) => {
    if (job) await handleCalendarPushJob(job.data, { now: now(), rootUrl: env.GOOGLE_API_ROOT_URL, tokenUrl: env.GOOGLE_OAUTH_TOKEN_URL });
  });

  await boss.work(QUEUES.sessionCleanup, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
    logger.info(await runDailyCleanup({ now: now() }), "cleanup.daily_done");
  });
  await boss.schedule(QUEUES.sessionCleanup, "17 3 * * *");

  await boss.work(QUEUES.digestScan, { pollingIntervalSeconds: settings.pollingIntervalSeconds }, async () => {
    await scanDigests({ now: now() });
  });
  await boss.schedule(QUEUES.digestScan, DIGEST_SCAN_CRON, {}, { singletonKey: "digest-scan" });
  // as the outbox: a batch at a time per poller, through the pooled system transport, so one slow digest holds up only its own batch
  for (let poller = 0; poller < (options.pollers ?? OUTBOX_POLLERS); poller++) {
    await boss.work<DigestJobData>(
      QUEUES.digestSend,
      { batchSize: options.batchSize ?? OUTBOX_BATCH_SIZE, pollingIntervalSeconds: settings.pollingIntervalSeconds },
      async (jobs) => {
        // a digest the mail server refused goes back for a retry alone
        const results = await Promise.allSettled(jobs.map((job) => sendDigest({ ...job.data, now: now() })));
        const failed = jobs.filter((_job, index) => results[index]!.status === "rejected");
        for (const [index, result] of results.entries()) {
          if (result.status === "rejected") logError("digest.send_failed", result.reason, { userId: jobs[index]!.data.userId });
        }
        if (failed.length > 0) await boss.fail(QUEUES.digestSend, failed.map((job) => job.id));
      },
    );
  }

  const heartbeat = startHeartbeat({ now });

  return {
    workerId: heartbeat.workerId,
    stop: async ({ graceSeconds = DEFAULT_STOP_GRACE_SECONDS } = {}) => {
      isStopping = true;
      heartbeat.stop();
      try {
        await stopQueue({ timeoutMs: graceSeconds * 1000 });
      } catch (error) {
        // the database is gone: nothing more to hand back, and the sweep settles the rest
        logError("worker.queue_stop_failed", error);
      } finally {
        closeSmtpTransports();
      }
    },
  };
}

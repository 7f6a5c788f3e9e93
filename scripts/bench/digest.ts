import { randomUUID } from "node:crypto";
import { isNotNull, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db/client";
import { digestRuns, interviews, opportunities, planSteps, users } from "@/lib/db/schema";
import { scanDigests } from "@/lib/digest/scan";
import { startWorker } from "@/lib/jobs/worker";
import { BENCH_ZONE } from "./seed";
import type { startSinkServer } from "./outbox";

const DIGESTS = Number(process.env.BENCH_DIGESTS ?? 10_000);
const INSERT_CHUNK = 1_000;

// Users who asked for the digest at this hour, each with one thank-you overdue by an hour.
async function seedDigestUsers(count: number, now: Date) {
  const db = getDb();
  const hour = DateTime.fromJSDate(now, { zone: BENCH_ZONE }).hour;
  for (let start = 0; start < count; start += INSERT_CHUNK) {
    const batch = Array.from({ length: Math.min(INSERT_CHUNK, count - start) }, () => randomUUID());
    await db.insert(users).values(
      batch.map((id) => ({ id, email: `digest-${id}@example.test`, timeZone: BENCH_ZONE, digestEnabled: true, digestHour: hour, digestWeekdays: [1, 2, 3, 4, 5, 6, 7] })),
    );
    const opportunityRows = await db
      .insert(opportunities)
      .values(batch.map((userId, index) => ({ userId, company: `Company ${start + index}`, role: "Data Engineer" })))
      .returning({ id: opportunities.id, userId: opportunities.userId });
    const interviewRows = await db
      .insert(interviews)
      .values(opportunityRows.map((row) => ({ userId: row.userId, opportunityId: row.id, stage: "onsite" as const, startsAt: new Date(now.getTime() - 26 * 3_600_000), timeZone: BENCH_ZONE })))
      .returning({ id: interviews.id, userId: interviews.userId });
    await db.insert(planSteps).values(
      interviewRows.map((row) => ({
        userId: row.userId,
        interviewId: row.id,
        key: "thank_you:bench",
        kind: "thank_you" as const,
        dueAt: new Date(now.getTime() - 3_600_000),
        reason: "Within 24 hours of the interview; the next morning at your send hour.",
      })),
    );
  }
}

async function countSent(): Promise<number> {
  const [row] = await getDb()
    .select({ count: sql<number>`count(*)::int` })
    .from(digestRuns)
    .where(isNotNull(digestRuns.sentAt));
  return row!.count;
}

/**
 * issue 15: 10,000 morning digests found by one scan, each rendered (react-email,
 * HTML and text) and sent as its own pg-boss job through the pooled system
 * transport to a loopback SMTP server. SMTP_URL must point at `sink` before the
 * environment is first read (bench.ts sets it at start).
 */
export async function benchDigest(sink: Awaited<ReturnType<typeof startSinkServer>>, now: Date) {
  const seedStart = performance.now();
  await seedDigestUsers(DIGESTS, now);
  console.log(`Morning digest (issue 15), ${DIGESTS} users due one, seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s:`);
  const before = sink.received();
  const worker = await startWorker();
  const start = performance.now();
  const queued = await scanDigests({ now: new Date() });
  const scanSeconds = (performance.now() - start) / 1000;
  while ((await countSent()) < queued || sink.received() - before < queued) await new Promise((resolve) => setTimeout(resolve, 100));
  const seconds = (performance.now() - start) / 1000;
  await worker.stop();
  console.log(
    `  scan (zones, one query, ${queued} jobs inserted): ${scanSeconds.toFixed(2)} s; scan to the last digest accepted by the server: ${seconds.toFixed(1)} s, ${(queued / seconds).toFixed(0)} digests/s (${sink.received() - before} received)`,
  );
}

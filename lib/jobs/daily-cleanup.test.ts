import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { devOutbox, rateLimits, sessions, verificationTokens } from "../db/schema";
import { hashSessionToken } from "../auth/session-token";
import { getDb, setupTestDatabase } from "../test/database";
import { createTestSession, createTestUser } from "../test/factories";
import { waitFor } from "@/lib/test/mail-fixtures";
import { runDailyCleanup } from "./daily-cleanup";
import { getQueue, QUEUES } from "./queue";
import { startWorker } from "./worker";

setupTestDatabase();

const DAY_MS = 86_400_000;

async function seedRows(now: Date) {
  const user = await createTestUser();
  const liveSession = await createTestSession(user.id);
  const expiredSession = await createTestSession(user.id);
  await getDb()
    .update(sessions)
    .set({ expires: new Date(now.getTime() - 60_000) })
    .where(eq(sessions.sessionToken, hashSessionToken(expiredSession)));
  const tag = crypto.randomUUID();
  await getDb()
    .insert(verificationTokens)
    .values([
      { identifier: `expired-${tag}@example.com`, token: `expired-${tag}`, expires: new Date(now.getTime() - 60_000) },
      { identifier: `live-${tag}@example.com`, token: `live-${tag}`, expires: new Date(now.getTime() + 60 * 60_000) },
    ]);
  const [oldMail, freshMail] = await getDb()
    .insert(devOutbox)
    .values([
      { toAddress: "old@example.com", subject: "Sign in", text: "old link", createdAt: new Date(now.getTime() - 8 * DAY_MS) },
      { toAddress: "fresh@example.com", subject: "Sign in", text: "fresh link", createdAt: new Date(now.getTime() - 6 * DAY_MS) },
    ])
    .returning({ id: devOutbox.id });
  await getDb()
    .insert(rateLimits)
    .values([
      { key: `expired-${tag}`, points: 3, expire: now.getTime() - 1_000 },
      { key: `live-${tag}`, points: 3, expire: now.getTime() + 60_000 },
      { key: `forever-${tag}`, points: 1, expire: null },
    ]);
  return { user, liveSession, tag, oldMailId: oldMail!.id, freshMailId: freshMail!.id };
}

async function readLeft(seeded: Awaited<ReturnType<typeof seedRows>>) {
  const db = getDb();
  const [sessionRows, tokenRows, mailRows, limitRows] = await Promise.all([
    db.select({ token: sessions.sessionToken }).from(sessions).where(eq(sessions.userId, seeded.user.id)),
    db.select({ token: verificationTokens.token }).from(verificationTokens).where(inArray(verificationTokens.token, [`expired-${seeded.tag}`, `live-${seeded.tag}`])),
    db.select({ id: devOutbox.id }).from(devOutbox).where(inArray(devOutbox.id, [seeded.oldMailId, seeded.freshMailId])),
    db
      .select({ key: rateLimits.key })
      .from(rateLimits)
      .where(inArray(rateLimits.key, [`expired-${seeded.tag}`, `live-${seeded.tag}`, `forever-${seeded.tag}`])),
  ]);
  return {
    sessions: sessionRows.map((row) => row.token),
    tokens: tokenRows.map((row) => row.token),
    mails: mailRows.map((row) => row.id),
    limits: limitRows.map((row) => row.key).sort(),
  };
}

function expectOnlyLiveRowsLeft(left: Awaited<ReturnType<typeof readLeft>>, seeded: Awaited<ReturnType<typeof seedRows>>) {
  expect(left.sessions).toEqual([hashSessionToken(seeded.liveSession)]);
  expect(left.tokens).toEqual([`live-${seeded.tag}`]);
  expect(left.mails).toEqual([seeded.freshMailId]);
  expect(left.limits).toEqual([`forever-${seeded.tag}`, `live-${seeded.tag}`]);
}

describe("daily cleanup", () => {
  it("deletes expired sessions, unused expired sign-in tokens, ended rate-limit windows and dev outbox mail past its retention, keeping the rest", async () => {
    const now = new Date();
    const seeded = await seedRows(now);
    const result = await runDailyCleanup({ now });
    expect(result).toEqual({ sessions: 1, verificationTokens: 1, rateLimits: 1, devOutboxMessages: 1 });
    expectOnlyLiveRowsLeft(await readLeft(seeded), seeded);
  });

  it("runs from the worker's daily job", async () => {
    const settings = { expireInSeconds: 5, maintenanceIntervalSeconds: 1, retryLimit: 1, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 };
    const seeded = await seedRows(new Date());
    const worker = await startWorker({ settings });
    try {
      await (await getQueue()).send(QUEUES.sessionCleanup, {});
      const left = await waitFor(
        () => readLeft(seeded),
        (rows) => rows.tokens.length === 1 && rows.mails.length === 1 && rows.limits.length === 2 && rows.sessions.length === 1,
      );
      expectOnlyLiveRowsLeft(left, seeded);
    } finally {
      await worker.stop();
    }
  });
});

import { sql } from "drizzle-orm";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { workerHeartbeats } from "@/lib/db/schema";
import { recordHeartbeat } from "@/lib/jobs/heartbeat";
import { setupTestDatabase } from "@/lib/test/database";
import { config } from "@/proxy";
import { GET as health } from "../healthz/route";
import { GET as readiness } from "./route";

setupTestDatabase();

async function answer(response: Response | Promise<Response>) {
  const resolved = await response;
  return { status: resolved.status, body: await resolved.text() };
}

beforeEach(async () => {
  await getDb().delete(workerHeartbeats);
});

describe("GET /healthz", () => {
  it("says ok while the process is up, and nothing else", async () => {
    expect(await answer(health())).toEqual({ status: 200, body: "ok" });
  });
});

describe("GET /readyz", () => {
  let databaseUrl: string | undefined;
  beforeEach(() => {
    databaseUrl = process.env.DATABASE_URL;
  });
  afterEach(async () => {
    await closeDb();
    process.env.DATABASE_URL = databaseUrl;
  });

  it("is ready when the database answers, migrations are current and a worker reported lately", async () => {
    await recordHeartbeat({ workerId: "test:1", startedAt: new Date(), now: new Date() });
    expect(await answer(readiness())).toEqual({ status: 200, body: "ready" });
  });

  it("answers 503 worker when no worker has reported for two minutes, or ever", async () => {
    expect(await answer(readiness())).toEqual({ status: 503, body: "worker" });
    const longAgo = new Date(Date.now() - 3 * 60_000);
    await recordHeartbeat({ workerId: "test:2", startedAt: longAgo, now: longAgo });
    expect(await answer(readiness())).toEqual({ status: 503, body: "worker" });
  });

  it("answers 503 migrations when the newest committed migration is not applied", async () => {
    await recordHeartbeat({ workerId: "test:3", startedAt: new Date(), now: new Date() });
    await getDb().execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    expect(await answer(readiness())).toEqual({ status: 503, body: "migrations" });
  });

  it("answers 503 database, and nothing more, when the database cannot be reached", async () => {
    await closeDb();
    // a loopback port nothing listens on
    process.env.DATABASE_URL = "postgres://nobody:nothing@127.0.0.1:9/afterview";
    expect(await answer(readiness())).toEqual({ status: 503, body: "database" });
  });
});

describe("the proxy's matcher", () => {
  it("leaves the health checks alone (no session, CSP or form parsing for a poll) and still covers pages", () => {
    const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url });
    expect(matches("/healthz")).toBe(false);
    expect(matches("/readyz")).toBe(false);
    expect(matches("/dashboard")).toBe(true);
    expect(matches("/healthz-page")).toBe(true);
  });
});

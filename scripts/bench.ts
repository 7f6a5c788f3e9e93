// `npm run bench`: the figures the issues ask for, printed, never asserted.
// Runs on its own embedded PostgreSQL in a temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { GET as feedRoute } from "@/app/calendar/[token]/route";
import { buildCalendarFeed, createEventCache } from "@/lib/calendar";
import { rotateFeedToken } from "@/lib/calendar/feed-tokens";
import type { FeedStep } from "@/lib/calendar";
import { closeDb, getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";
import { buildDraft, draftToPlainBody } from "@/lib/drafts/build-draft";
import { renderDraftEmail } from "@/lib/drafts/render";
import type { DraftInput } from "@/lib/drafts/types";
import { getSpellChecker, runDraftChecks } from "@/lib/drafts/checks";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { createDatabase, runMigrations } from "@/lib/db/migrate";
import { listDashboard } from "@/lib/interviews/queries";
import { buildPlan } from "@/lib/plan/build-plan";
import type { PlanInput } from "@/lib/plan/types";
import { listDashboardSteps } from "@/lib/plan/queries";
import { syncInterviewPlans } from "@/lib/plan/sync";
import { getUserSettings } from "@/lib/users/settings";
import { loadDashboardData, type DashboardData } from "@/app/(app)/dashboard/dashboard-props";
import { benchInsights } from "./bench/insights";
import { benchDigest } from "./bench/digest";
import { benchOutbox, startSinkServer } from "./bench/outbox";
import { buildBaselineApp, LOAD_CONNECTIONS, load, startApp, startNext, stopNext, WARM_UP_SECONDS, type LoadResult } from "./bench/http";
import { findActionId, measurePage, timeFirstRequest, timeServerAction } from "./bench/pages";
import { BENCH_ZONE, seedUser } from "./bench/seed";
import { summariseProfile, takeProfile } from "./bench/profile";
import { ms, report, time } from "./bench/stats";
import { isBuildStale, NEXT_BIN } from "./runtime";

const INTERVIEWS = 1_000;
const FEED_STEPS = 5_000;
const APP_PORT = 3210;
const BASELINE_PORT = 3211;

function planInput(index: number, now: Date): PlanInput {
  const startsAt = DateTime.fromJSDate(now).minus({ days: index % 30, hours: index % 7 }).toJSDate();
  return {
    now,
    timeZone: BENCH_ZONE,
    preferences: { sendHour: 9, followUpDefaultDays: 14 },
    opportunity: { company: "Acme", role: "Engineer", companyStyle: index % 4 === 0 ? "formal" : "casual", pace: "standard", status: "active", statusChangedAt: null, followUpCap: null, allowExtraFollowUps: false },
    interview: { id: `i${index}`, stage: "onsite", startsAt, durationMinutes: 45, decisionDate: null, decisionWithinDays: index % 2 ? 10 : null, callInvited: index % 5 === 0, callSuggestedAt: null, primaryInterviewerId: null },
    interviewers: [
      { id: `a${index}`, name: "Jane Doe", email: "jane@example.test", hasPostalAddress: true },
      { id: `b${index}`, name: "Omar Haddad", email: "omar@example.test", hasPostalAddress: false },
    ],
    history: { replies: [], steps: {}, snoozes: {} },
  };
}

function feedSteps(count: number, now: Date): FeedStep[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
    version: 1,
    kind: (["thank_you", "follow_up", "follow_up", "move_on", "letter"] as const)[index % 5]!,
    status: "pending",
    dueAt: DateTime.fromJSDate(now).plus({ hours: index }).toJSDate(),
    deadlineAt: null,
    sequence: index % 5 === 2 ? 2 : index % 5 === 1 ? 1 : null,
    updatedAt: now,
    completedAt: null,
    personName: `Person ${index}`,
    company: `Company ${index % 1000}`,
    role: "Data Engineer",
    reason: "They said they'd decide by Fri 14 Nov; first business day after.",
    url: `http://localhost:3000/interviews/${index}`,
  }));
}

async function benchPlanning(now: Date) {
  console.log("Plan engine (pure)");
  const inputs = Array.from({ length: INTERVIEWS }, (_, index) => planInput(index, now));
  let next = 0;
  report("buildPlan, one interview", await time(5_000, 500, () => buildPlan(inputs[next++ % inputs.length]!)));
}

// DATABASE_LOG_QUERIES=true makes the data layer announce each statement on
// console.debug; the bench counts them instead of printing them.
let sqlStatements = 0;
console.debug = (...args: unknown[]) => {
  if (String(args[0]).startsWith("[sql]")) sqlStatements++;
};

async function benchDrafts() {
  console.log("Drafts (build + render HTML and text + all checks), one draft");
  const input: DraftInput = {
    kind: "thank_you",
    interviewer: { id: "bench-interviewer", name: "Jane Doe", title: "Engineering Manager" },
    company: "Acme Analytics",
    role: "Data Engineer",
    stage: "onsite",
    interviewDate: "on Tuesday",
    decisionText: "within 10 days",
    notes: {
      topics: "streaming pipelines; on-call rotations",
      specificDetail: "their move from cron jobs to Dagster",
      wentWell: "the system design round",
      toClarify: "my notice period is four weeks",
      sharedInterests: "cycling to work",
    },
    letterPlanned: false,
    candidate: { name: "Sam Lee", signature: "Sam Lee\nsam@example.test · +1 415 555 0100" },
  };
  const dictionaryStart = performance.now();
  getSpellChecker();
  console.log(`  dictionary load (once per process): ${ms(performance.now() - dictionaryStart)}`);
  // Notes are tagged once and cached (the same notes are drafted for each interviewer and kind), so the second
  // figure gives every draft notes it has not seen, as the first draft after writing them meets.
  const one = async (notes: DraftInput["notes"] = input.notes) => {
    const draft = buildDraft({ ...input, notes });
    const body = draftToPlainBody(draft);
    await renderDraftEmail(draft, { kind: "thank_you" });
    runDraftChecks({
      kind: "thank_you",
      subject: draft.subject,
      body,
      interviewerName: "Jane Doe",
      company: input.company,
      role: input.role,
      notes,
      signature: input.candidate.signature,
      personalWords: [],
      timing: { followUpNumber: null, isBeforeDecisionDate: false, isCallStep: false, callInvited: false, hasOverride: false },
    });
  };
  report(`per draft (NODE_ENV=${process.env.NODE_ENV ?? "development"})`, await time(200, 50, () => one()));
  let draftNumber = 0;
  const withNewNotes = () => {
    draftNumber += 1;
    const { notes } = input;
    return one({ ...notes, specificDetail: `${notes.specificDetail} in region ${draftNumber}`, wentWell: `${notes.wentWell} on day ${draftNumber}` });
  };
  report("per draft, notes never seen before", await time(200, 50, withNewNotes));
}

async function benchDashboardData(userId: string, now: Date) {
  console.log(`Dashboard data (${INTERVIEWS} interviews)`);
  const loadDashboard = async () => {
    const settings = await getUserSettings({ userId });
    await Promise.all([listDashboard({ userId }), listDashboardSteps({ userId, now, timeZone: settings.timeZone })]);
  };
  await loadDashboard();
  sqlStatements = 0;
  await loadDashboard();
  const perPage = sqlStatements;
  const timing = await time(200, 20, loadDashboard);
  report("settings + steps + opportunities", timing, `, ${perPage} queries per page`);
  // the page's props as the page asks for them: read afresh after a change, or the cached ones (docs/architecture.md)
  const settings = await getUserSettings({ userId });
  const [version] = await getDb().select({ dataVersion: users.dataVersion }).from(users).where(eq(users.id, userId));
  if (!version) throw new Error("the seeded user is gone");
  const { dataVersion } = version;
  const request = { userId, timeZone: settings.timeZone, sendHour: settings.sendHour, now };
  report("page props, read afresh (changed since the last visit)", await time(200, 20, () => loadDashboardData({ ...request, dataVersion: null })));
  report("page props, cached (nothing changed)", await time(200, 20, () => loadDashboardData({ ...request, dataVersion })));
  const interviewIds = (await getDb().execute<{ id: string }>(`select id from interview where user_id = '${userId}'`)).map((row) => row.id);
  const sync = await time(3, 1, () => getDb().transaction((tx) => syncInterviewPlans(tx, { userId, interviewIds, now })));
  report(`re-plan all ${interviewIds.length} interviews (settings change)`, sync);
}

async function benchFeedRoute(userId: string) {
  console.log(`Calendar feed route (the seeded user's ${INTERVIEWS} interviews)`);
  const token = await rotateFeedToken({ userId, now: new Date() });
  const call = (headers: Record<string, string> = {}) =>
    feedRoute(new Request(`http://localhost/calendar/${token}.ics`, { headers }), { params: Promise.resolve({ token: `${token}.ics` }) });
  const first = await call();
  const etag = first.headers.get("etag") ?? "";
  console.log(`  feed size: ${((await first.text()).length / 1024).toFixed(0)} KiB`);
  report("200 (warm event cache)", await time(20, 2, async () => (await call()).text()));
  report("304 (If-None-Match)", await time(100, 5, async () => (await call({ "if-none-match": etag })).status));
}

function benchFeed(now: Date) {
  console.log(`Calendar feed (${FEED_STEPS} steps)`);
  const steps = feedSteps(FEED_STEPS, now);
  const cache = createEventCache(FEED_STEPS * 2);
  const input = { calendarName: "Afterview", timeZone: BENCH_ZONE, steps, interviews: [], now };
  const cold = performance.now();
  buildCalendarFeed(input, cache);
  console.log(`  cold build: ${ms(performance.now() - cold)}`);
  return time(20, 2, () => buildCalendarFeed(input, cache)).then((warm) => report("warm build", warm));
}

type HttpFixture = {
  databaseUrl: string;
  sessionToken: string;
  emptySessionToken: string;
  dashboardData: DashboardData;
  feedToken: string;
  draftStepId: string;
  interviewId: string;
};

/** The environment the bench's web server runs with: its database, and its own address for links and Auth.js. */
function appEnv(databaseUrl: string): Record<string, string> {
  return { DATABASE_URL: databaseUrl, APP_URL: `http://localhost:${APP_PORT}`, AUTH_URL: `http://localhost:${APP_PORT}` };
}

const ratio = (value: number, base: number) => (value / base).toFixed(2);
const LOAD_ROUNDS = 2;

function mapValues<Key extends string, From, To>(record: Record<Key, From>, map: (value: From) => To): Record<Key, To> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value as From)])) as Record<Key, To>;
}

// req/s averaged over the rounds; latencies and failures from the worst round
function meanLoad(results: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requestsPerSecond, 0) / results.length,
    p50: Math.max(...results.map((result) => result.p50)),
    p99: Math.max(...results.map((result) => result.p99)),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    cpuMs: results.every((result) => result.cpuMs)
      ? {
          server: results.reduce((sum, result) => sum + result.cpuMs!.server, 0) / results.length,
          database: results.reduce((sum, result) => sum + result.cpuMs!.database, 0) / results.length,
        }
      : undefined,
  };
}

async function measureApp(appUrl: string, fixture: HttpFixture) {
  const cookie = { cookie: `authjs.session-token=${fixture.sessionToken}` };
  const dashboardPage = await measurePage(`${appUrl}/dashboard`, cookie);
  const emptyPage = await measurePage(`${appUrl}/dashboard`, { cookie: `authjs.session-token=${fixture.emptySessionToken}` });
  const pages = ["/dashboard", "/interviews", "/interviews/new", `/interviews/${fixture.interviewId}`, `/interviews/${fixture.interviewId}/edit`, `/drafts/${fixture.draftStepId}`, "/opportunities", "/outbox", "/insights", "/settings"];
  const weights = [];
  for (const page of pages) weights.push({ page, ...(await measurePage(`${appUrl}${page}`, cookie)) });
  const draftEdit = (run: number) => `Thank you for the conversation today. Edit number ${run}: I enjoyed hearing about the team's move to streaming pipelines.`;
  const preview = await timeServerAction({
    url: `${appUrl}/drafts/${fixture.draftStepId}`,
    actionId: findActionId(process.cwd(), "app/(app)/drafts/[stepId]/actions.ts", "previewDraftAction"),
    cookie: cookie.cookie,
    args: (run) => [{ stepId: fixture.draftStepId, subject: "Thank you", body: draftEdit(run) }],
    runs: 50,
  });
  return { dashboardPage, emptyPage, weights, preview };
}

async function benchHttp(fixture: HttpFixture) {
  console.log(`HTTP, ${LOAD_CONNECTIONS} concurrent connections, production builds`);
  if (isBuildStale()) {
    console.log("  building the app...");
    if (spawnSync(NEXT_BIN, ["build"], { stdio: "ignore", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } }).status !== 0) throw new Error("next build failed");
  }
  const baselineDir = buildBaselineApp(process.cwd(), fixture.dashboardData);
  const bareUrl = `http://127.0.0.1:${BASELINE_PORT}/`;
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const env = appEnv(fixture.databaseUrl);
  const baseline = await startNext(baselineDir, BASELINE_PORT, {});
  const app = await startApp(APP_PORT, env).catch(async (error: unknown) => {
    await stopNext(baseline);
    throw error;
  });
  const measure = async () => {
    const barePage = await measurePage(bareUrl);
    // The machine is shared: the pages take turns, round after round, so a
    // busy minute slows each of them and the ratios hold.
    const targets = {
      bare: [bareUrl, {}, baseline.pid],
      dashboard: [`${appUrl}/dashboard`, { cookie: `authjs.session-token=${fixture.sessionToken}` }, app.pid],
      // the same page for a user with nothing logged yet: the frame's own cost (session, layout, queries)
      empty: [`${appUrl}/dashboard`, { cookie: `authjs.session-token=${fixture.emptySessionToken}` }, app.pid],
    } as const;
    const rounds: Record<keyof typeof targets, LoadResult[]> = { bare: [], dashboard: [], empty: [] };
    for (const [url, headers] of Object.values(targets)) await load(url, headers, undefined, WARM_UP_SECONDS);
    for (let round = 0; round < LOAD_ROUNDS; round++) {
      for (const [name, [url, headers, pid]] of Object.entries(targets)) rounds[name as keyof typeof targets].push(await load(url, headers, pid));
    }
    return { barePage, loads: mapValues(rounds, meanLoad), ...(await measureApp(appUrl, fixture)) };
  };
  const { barePage, loads, dashboardPage, emptyPage, weights, preview } = await measure().finally(() => Promise.all([stopNext(baseline), stopNext(app)]));
  const { bare, dashboard, empty } = loads;
  rmSync(baselineDir, { recursive: true, force: true });
  const feed = await timeFirstRequest({ port: APP_PORT, env, path: `/calendar/${fixture.feedToken}.ics`, restarts: 3 });

  const line = (label: string, result: Awaited<ReturnType<typeof load>>, kib: number) =>
    console.log(
      `  ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${kib.toFixed(0)} KiB, non-2xx ${result.non2xx}, errors ${result.errors}` +
        (result.cpuMs ? `; CPU a request: server ${ms(result.cpuMs.server)}, PostgreSQL ${ms(result.cpuMs.database)}` : ""),
    );
  console.log(`  req/s averaged over ${LOAD_ROUNDS} rounds taken in turn, after ${WARM_UP_SECONDS} s of warm-up each`);
  line("bare Next.js page, the same DashboardView and props", bare, barePage.htmlKiB);
  line(`/dashboard (${INTERVIEWS.toLocaleString("en")} interviews)`, dashboard, dashboardPage.htmlKiB);
  line("/dashboard (no interviews)", empty, emptyPage.htmlKiB);
  console.log("  first-load JS, gzip, against the bare page's");
  for (const weight of weights) {
    console.log(`    ${weight.page}: ${weight.jsGzipKiB.toFixed(0)} KiB, ${ratio(weight.jsGzipKiB, barePage.jsGzipKiB)}x${weight.status === 200 ? "" : ` (HTTP ${weight.status})`}`);
  }
  const heaviest = weights.reduce((top, weight) => (weight.jsGzipKiB > top.jsGzipKiB ? weight : top));
  console.log("Targets (issue 17), ratios from this run");
  console.log(`  dashboard / bare DashboardView: ${ratio(dashboard.requestsPerSecond, bare.requestsPerSecond)} (target >= 0.7): ${dashboard.requestsPerSecond.toFixed(0)} against ${bare.requestsPerSecond.toFixed(0)} req/s`);
  console.log(`  dashboard HTML: ${dashboardPage.htmlKiB.toFixed(0)} KiB (target <= 80), bare page ${barePage.htmlKiB.toFixed(0)} KiB`);
  console.log(`  first-load JS, heaviest page / bare page: ${ratio(heaviest.jsGzipKiB, barePage.jsGzipKiB)} (target <= 1.15): ${heaviest.page} ${heaviest.jsGzipKiB.toFixed(0)} KiB against ${barePage.jsGzipKiB.toFixed(0)} KiB`);
  console.log(`  draft preview round trip p95: ${ms(preview.rest.p95)} (target < 150), median ${ms(preview.rest.median)}, ${preview.rest.runs} edits after the first (${ms(preview.first)})`);
  console.log(`  feed first request after restart: ${ms(feed.first.median)} (target < 300), worst ${ms(feed.first.max)} of ${feed.first.runs} restarts; second request ${ms(feed.second.median)}`);
}

// `npm run bench -- --http-only --feed-first`: only the cold feed, to try a change to it quickly
async function benchFeedFirstRequest(fixture: HttpFixture) {
  const env = appEnv(fixture.databaseUrl);
  const feed = await timeFirstRequest({ port: APP_PORT, env, path: `/calendar/${fixture.feedToken}.ics`, restarts: 5 });
  console.log(`  feed first request after restart: ${ms(feed.first.median)} (target < 300), worst ${ms(feed.first.max)} of ${feed.first.runs} restarts; second request ${ms(feed.second.median)}`);
}

// `npm run bench -- --profile`: where the web server's CPU goes while it serves
// the dashboard under load (startup and warm-up left out), and the database's share
async function profileDashboard(databaseUrl: string, sessionToken: string) {
  const dir = path.resolve(".data/profiles");
  rmSync(dir, { recursive: true, force: true });
  const env = appEnv(databaseUrl);
  const app = await startApp(APP_PORT, env, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  const url = `http://127.0.0.1:${APP_PORT}/dashboard`;
  const cookie = `authjs.session-token=${sessionToken}`;
  const html = await (await fetch(url, { headers: { cookie } })).text();
  await load(url, { cookie }, undefined, WARM_UP_SECONDS);
  const loadStart = performance.now();
  const result = await load(url, { cookie }, app.pid);
  const loadMs = performance.now() - loadStart;
  const stopStart = performance.now();
  await stopNext(app);
  const stopMs = performance.now() - stopStart;
  writeFileSync(path.join(dir, "dashboard.html"), html);
  console.log(`  profiled /dashboard (${(html.length / 1024).toFixed(0)} KiB of HTML, kept in ${dir}) at ${result.requestsPerSecond.toFixed(0)} req/s`);
  console.log(`  CPU a request: web server ${ms(result.cpuMs!.server)}, PostgreSQL ${ms(result.cpuMs!.database)}`);
  console.log(summariseProfile(takeProfile(dir), { windowMs: loadMs, endOffsetMs: stopMs }));
}

// What the served pages need: the dashboard's props for the bare page, a feed
// token, a step with a draft and an interview of the seeded user.
async function prepareHttpFixture(databaseUrl: string, seeded: Awaited<ReturnType<typeof seedUser>>, now: Date): Promise<HttpFixture> {
  // signed with a name and a way to reach them, as a user past the first run: the draft page opens
  await getDb().execute(sql`update "user" set display_name = 'Sam Lee', signature = ${"Sam Lee\nsam@example.test"} where id = ${seeded.userId}`);
  const settings = await getUserSettings({ userId: seeded.userId });
  const [step] = await getDb().execute<{ id: string; interviewId: string }>(
    sql`select id, interview_id as "interviewId" from plan_step where user_id = ${seeded.userId} and status = 'pending' and kind = 'follow_up' order by due_at limit 1`,
  );
  if (!step) throw new Error("the seeded user has no pending follow-up");
  return {
    databaseUrl,
    sessionToken: seeded.sessionToken,
    emptySessionToken: (await seedUser(0, now)).sessionToken,
    dashboardData: await loadDashboardData({ userId: seeded.userId, timeZone: settings.timeZone, sendHour: settings.sendHour, now, dataVersion: null }),
    feedToken: await rotateFeedToken({ userId: seeded.userId, now }),
    draftStepId: step.id,
    interviewId: step.interviewId,
  };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "afterview-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), persistent: false });
  // the morning digest goes out as system mail: to a loopback sink, set before the environment is first read
  const digestSink = await startSinkServer();
  process.env.SMTP_URL = `smtp://127.0.0.1:${digestSink.port}`;
  try {
    const url = await createDatabase(pg.url, "bench");
    await runMigrations(url);
    process.env.DATABASE_URL = url;
    process.env.DATABASE_LOG_QUERIES = "true";
    process.env.AUTH_SECRET ??= "bench-secret-bench-secret-bench-secret-0123";
    process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 1).toString("base64");
    const now = new Date();
    console.log(`Afterview bench, ${new Date().toISOString()}, node ${process.version}`);
    // `--http-only`: only the pages, served (issue 17's targets)
    const isHttpOnly = process.argv.includes("--http-only");
    if (!isHttpOnly) {
      await benchPlanning(now);
      await benchDrafts();
    }
    const seedStart = performance.now();
    const seeded = await seedUser(INTERVIEWS, now);
    console.log(`Seeded ${INTERVIEWS} interviews, ${seeded.steps} steps (${seeded.pending} pending) through createInterview in ${ms(performance.now() - seedStart)}`);
    // what autovacuum does to a live database: statistics and visibility maps for index-only scans
    await getDb().execute(sql`vacuum analyze`);
    if (!isHttpOnly) {
      await benchDashboardData(seeded.userId, now);
      await benchFeed(now);
      await benchFeedRoute(seeded.userId);
      await benchInsights(seeded.userId, INTERVIEWS, now, () => sqlStatements);
    }
    process.env.DATABASE_LOG_QUERIES = "false";
    const fixture = await prepareHttpFixture(url, seeded, now);
    await closeDb();
    if (!isHttpOnly) {
      await benchOutbox(seeded.userId);
      await benchDigest(digestSink, new Date());
      await closeDb();
    }
    if (process.argv.includes("--profile")) await profileDashboard(url, seeded.sessionToken);
    else if (process.argv.includes("--feed-first")) await benchFeedFirstRequest(fixture);
    else if (!process.argv.includes("--no-http")) await benchHttp(fixture);
  } finally {
    await closeDb();
    await digestSink.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

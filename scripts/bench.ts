// `npm run bench`: the figures the issues ask for, printed, never asserted.
// Runs on its own embedded PostgreSQL in a temporary folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { GET as feedRoute } from "@/app/calendar/[token]/route";
import { buildCalendarFeed, createEventCache } from "@/lib/calendar";
import { rotateFeedToken } from "@/lib/calendar/feed-tokens";
import type { FeedStep } from "@/lib/calendar";
import { closeDb, getDb } from "@/lib/db/client";
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
import { benchInsights } from "./bench/insights";
import { benchDigest } from "./bench/digest";
import { benchOutbox, startSinkServer } from "./bench/outbox";
import { buildBaselineApp, LOAD_CONNECTIONS, load, startApp, startNext, stopNext } from "./bench/http";
import { BENCH_ZONE, seedUser } from "./bench/seed";
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

async function benchHttp(databaseUrl: string, sessionToken: string, emptySessionToken: string) {
  console.log(`HTTP, ${LOAD_CONNECTIONS} concurrent connections, production builds`);
  if (isBuildStale()) {
    console.log("  building the app...");
    if (spawnSync(NEXT_BIN, ["build"], { stdio: "ignore" }).status !== 0) throw new Error("next build failed");
  }
  const baselineDir = buildBaselineApp(process.cwd());
  const pageKiB = async (url: string, headers: Record<string, string>) => (await (await fetch(url, { headers })).text()).length / 1024;
  const baseline = await startNext(baselineDir, BASELINE_PORT, {});
  const bareKiB = await pageKiB(`http://127.0.0.1:${BASELINE_PORT}/`, {});
  const bare = await load(`http://127.0.0.1:${BASELINE_PORT}/`);
  await stopNext(baseline);
  rmSync(baselineDir, { recursive: true, force: true });
  const app = await startApp(APP_PORT, { DATABASE_URL: databaseUrl, APP_URL: `http://localhost:${APP_PORT}`, AUTH_URL: `http://localhost:${APP_PORT}` });
  const cookie = { cookie: `authjs.session-token=${sessionToken}` };
  const dashboardKiB = await pageKiB(`http://127.0.0.1:${APP_PORT}/dashboard`, cookie);
  const dashboard = await load(`http://127.0.0.1:${APP_PORT}/dashboard`, cookie);
  // the same page for a user with nothing logged yet: the frame's own cost (session, layout, queries)
  const emptyCookie = { cookie: `authjs.session-token=${emptySessionToken}` };
  const emptyKiB = await pageKiB(`http://127.0.0.1:${APP_PORT}/dashboard`, emptyCookie);
  const empty = await load(`http://127.0.0.1:${APP_PORT}/dashboard`, emptyCookie);
  await stopNext(app);
  const line = (label: string, result: Awaited<ReturnType<typeof load>>, kib: number) =>
    console.log(
      `  ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${kib.toFixed(0)} KiB, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
  line("bare Next.js page, 50-item list", bare, bareKiB);
  line("/dashboard (1,000 interviews)", dashboard, dashboardKiB);
  line("/dashboard (no interviews)", empty, emptyKiB);
  console.log(`  dashboard / bare: ${((100 * dashboard.requestsPerSecond) / bare.requestsPerSecond).toFixed(0)}% (target at least 50%); empty dashboard / bare: ${((100 * empty.requestsPerSecond) / bare.requestsPerSecond).toFixed(0)}%`);
}

// `npm run bench -- --profile`: a CPU profile of the dashboard under load, in .data/profiles
async function profileDashboard(databaseUrl: string, sessionToken: string) {
  const dir = path.resolve(".data/profiles");
  const app = await startApp(APP_PORT, { DATABASE_URL: databaseUrl }, ["--cpu-prof", `--cpu-prof-dir=${dir}`]);
  const cookie = `authjs.session-token=${sessionToken}`;
  const html = await (await fetch(`http://127.0.0.1:${APP_PORT}/dashboard`, { headers: { cookie } })).text();
  const result = await load(`http://127.0.0.1:${APP_PORT}/dashboard`, { cookie });
  await stopNext(app);
  console.log(`  profiled /dashboard (${(html.length / 1024).toFixed(0)} KiB of HTML) at ${result.requestsPerSecond.toFixed(0)} req/s; profiles in ${dir}`);
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
    await benchPlanning(now);
    await benchDrafts();
    const seedStart = performance.now();
    const seeded = await seedUser(INTERVIEWS, now);
    console.log(`Seeded ${INTERVIEWS} interviews, ${seeded.steps} steps (${seeded.pending} pending) through createInterview in ${ms(performance.now() - seedStart)}`);
    // what autovacuum does to a live database: statistics and visibility maps for index-only scans
    await getDb().execute(sql`vacuum analyze`);
    await benchDashboardData(seeded.userId, now);
    await benchFeed(now);
    await benchFeedRoute(seeded.userId);
    await benchInsights(seeded.userId, INTERVIEWS, now, () => sqlStatements);
    process.env.DATABASE_LOG_QUERIES = "false";
    await closeDb();
    await benchOutbox(seeded.userId);
    await benchDigest(digestSink, new Date());
    await closeDb();
    if (process.argv.includes("--profile")) await profileDashboard(url, seeded.sessionToken);
    else if (!process.argv.includes("--no-http")) await benchHttp(url, seeded.sessionToken, (await seedUser(0, now)).sessionToken);
  } finally {
    await closeDb();
    await digestSink.close();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

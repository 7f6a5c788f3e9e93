// first: the mocks below use it, and the routes' imports load next/headers
import { nextCacheModule, nextHeadersModule, signInAs } from "@/lib/test/request-context";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getInterviewCalendar } from "@/app/(app)/interviews/[id]/calendar/route";
import { GET as getAuth, POST as postAuth } from "@/app/api/auth/[...nextauth]/route";
import { GET as getFeed } from "@/app/calendar/[token]/route";
import { GET as getUnsubscribe, POST as postUnsubscribe } from "@/app/unsubscribe/digest/[token]/route";
import { calendarFeeds, users } from "@/lib/db/schema";
import { createUnsubscribeToken } from "@/lib/digest/unsubscribe-token";
import { getDb, setupTestDatabase } from "@/lib/test/database";
import { createTestUser } from "@/lib/test/factories";
import { watchAftermath } from "./aftermath";
import { attackRoute, createAttackRecord, summarize, type AttackRecord } from "./harness";
import { listHostileStrings, type HostileString } from "./payloads";
import { seedUser, type SeededUser } from "./seed";

// The route handlers anyone can reach, called directly with hostile requests:
// the calendar feed (no session, a token in the path), the per-interview .ics
// export, and Auth.js's own endpoints. A 5xx, or a throw, is a failure.
// Thousands of refused requests are logged as they should be; the report is what
// this suite reads, so the logger is quiet unless LOG_LEVEL asks otherwise.
vi.hoisted(() => {
  process.env.LOG_LEVEL ??= "silent";
});
vi.mock("next/headers", () => nextHeadersModule());
vi.mock("next/cache", () => nextCacheModule());

setupTestDatabase();

const ORIGIN = "http://localhost:3000";
// thousands of requests one after another; a busy 2-core machine needs more than the default 20 s
const ATTACK_TIMEOUT_MS = 120_000;
// what a client may put in a request's headers, each filled with the hostile value
const HOSTILE_HEADERS = ["if-none-match", "if-modified-since", "x-forwarded-for", "cookie", "user-agent", "accept", "range", "authorization", "referer", "origin"];

let victim: SeededUser;
let attacker: SeededUser;
let strings: HostileString[];

beforeAll(async () => {
  victim = await seedUser("Victim");
  attacker = await seedUser("Attacker");
  const [feed] = await getDb().select({ tokenHash: calendarFeeds.tokenHash }).from(calendarFeeds).where(eq(calendarFeeds.userId, victim.userId));
  strings = listHostileStrings([
    { label: "victim's interview id", value: victim.interviewId },
    { label: "victim's approved step id", value: victim.approvedStepId },
    { label: "victim's email", value: victim.email },
    { label: "victim's stored session value", value: victim.storedSessionToken },
    { label: "victim's stored feed token hash", value: feed!.tokenHash },
  ]);
}, 120_000);

const aftermath = watchAftermath(() => victim.userId);

// Lone surrogates cannot be percent-encoded; a browser sends U+FFFD for them.
function pathSegment(value: string): string {
  return encodeURIComponent(value.toWellFormed());
}

function urlWith(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, ORIGIN);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}

// Headers refuses what no HTTP parser would deliver (CR, LF, NUL, non-Latin-1): those values are left out.
function hostileHeaders(value: string, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ host: "localhost:3000", ...extra });
  for (const name of HOSTILE_HEADERS) {
    try {
      headers.set(name, name === "cookie" ? `authjs.session-token=${value}; authjs.callback-url=${value}; authjs.csrf-token=${value}` : value);
    } catch {
      // not a header value any client can send
    }
  }
  return headers;
}

function expectNoServerErrors(record: AttackRecord): void {
  expect(summarize(record.serverErrors), `${record.serverErrors.length} of ${record.calls} requests failed`).toEqual([]);
}

// one 1 MB string per route, not every one of them
const sample = (payloads: HostileString[]) => [...payloads.filter((payload) => !payload.isLarge), ...payloads.filter((payload) => payload.isLarge).slice(0, 1)];

describe("hostile requests to every route handler", { timeout: ATTACK_TIMEOUT_MS }, () => {
  it("no hostile token or header makes the calendar feed answer 5xx, and a stored hash opens no feed", async () => {
    const record = createAttackRecord();
    const feed = (token: string, headers: Headers) =>
      getFeed(new Request(`${ORIGIN}/calendar/${pathSegment(token)}`, { headers }), { params: Promise.resolve({ token }) });
    const opened: string[] = [];
    for (const payload of sample(strings)) {
      const response = await attackRoute(record, { target: "feed token", payload: payload.label }, () => feed(payload.value, hostileHeaders("198.51.100.7")));
      if (response?.status === 200) opened.push(payload.label);
      await attackRoute(record, { target: "feed token.ics", payload: payload.label }, () => feed(`${payload.value}.ics`, new Headers()));
      // the real feed, asked with hostile conditional and other headers
      await attackRoute(record, { target: "feed headers", payload: payload.label }, () => feed(`${victim.feedToken}.ics`, hostileHeaders(payload.value)));
    }
    expectNoServerErrors(record);
    expect(opened).toEqual([]);
    // and the suite reaches the real feed: the victim's own token opens it
    expect((await feed(`${victim.feedToken}.ics`, new Headers())).status).toBe(200);
  });

  it("no hostile token, body or header makes the digest's unsubscribe link answer 5xx, and none turns a subscriber's digest off", async () => {
    // a subscriber of its own (the victim's rows are watched for any change): its real link with hostile bodies,
    // and its id with hostile signatures; only the exact one-click body under the right signature may act
    const subscriber = await createTestUser({ digestEnabled: true });
    const subscriberToken = createUnsubscribeToken(subscriber.id);
    const record = createAttackRecord();
    const url = (token: string) => `${ORIGIN}/unsubscribe/digest/${pathSegment(token)}`;
    const context = (token: string) => ({ params: Promise.resolve({ token }) });
    for (const payload of sample(strings)) {
      const p = payload.value;
      await attackRoute(record, { target: "unsubscribe GET token", payload: payload.label }, () => getUnsubscribe(new Request(url(p), { headers: hostileHeaders("198.51.100.8") }), context(p)));
      await attackRoute(record, { target: "unsubscribe POST token", payload: payload.label }, () =>
        postUnsubscribe(new Request(url(p), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), context(p)),
      );
      await attackRoute(record, { target: "unsubscribe POST subscriber's id, hostile signature", payload: payload.label }, () =>
        postUnsubscribe(new Request(url(`${subscriber.id}.${p}`), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }), context(`${subscriber.id}.${p}`)),
      );
      for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", p]) {
        let request: Request;
        try {
          request = new Request(url(subscriberToken), { method: "POST", headers: { "content-type": type }, body: p });
        } catch {
          continue; // not a header value any client can send
        }
        await attackRoute(record, { target: `unsubscribe POST body (${type.slice(0, 40)})`, payload: payload.label }, () => postUnsubscribe(request, context(subscriberToken)));
      }
    }
    expectNoServerErrors(record);
    const [row] = await getDb().select({ digestEnabled: users.digestEnabled }).from(users).where(eq(users.id, subscriber.id));
    expect(row!.digestEnabled).toBe(true);
  });

  it("no hostile id or step makes the interview .ics export answer 5xx, and another user's interview is a 404", async () => {
    const record = createAttackRecord();
    const exportIcs = (id: string, query: Record<string, string> = {}) =>
      getInterviewCalendar(new Request(urlWith(`/interviews/${pathSegment(id)}/calendar`, query)), { params: Promise.resolve({ id }) });
    for (const session of [null, attacker.sessionToken]) {
      signInAs(session);
      for (const payload of sample(strings)) {
        await attackRoute(record, { target: "ics id", payload: payload.label }, () => exportIcs(payload.value));
        await attackRoute(record, { target: "ics own interview, step", payload: payload.label }, () => exportIcs(attacker.interviewId, { step: payload.value }));
        await attackRoute(record, { target: "ics victim's interview, step", payload: payload.label }, () => exportIcs(victim.interviewId, { step: payload.value }));
      }
    }
    expectNoServerErrors(record);
    signInAs(attacker.sessionToken);
    expect((await exportIcs(victim.interviewId)).status).toBe(404);
    expect((await exportIcs(victim.interviewId, { step: victim.approvedStepId })).status).toBe(404);
    expect((await exportIcs(attacker.interviewId)).status).toBe(200);
  });

  // kept for the next test, which judges the same requests by another rule
  const authRecord = createAttackRecord();

  it("no hostile request makes the Auth.js route answer 5xx", async () => {
    signInAs(null);
    const record = authRecord;
    const csrf = await getAuth(new NextRequest(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const get = (path: string, query: Record<string, string> = {}, headers = new Headers()) =>
      getAuth(new NextRequest(urlWith(`/api/auth/${path}`, query), { headers }));
    const post = (path: string, body: Record<string, string>, cookie = csrfCookie) =>
      postAuth(
        new NextRequest(`${ORIGIN}/api/auth/${path}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: ORIGIN },
          body: new URLSearchParams(body),
        }),
      );
    for (const payload of sample(strings)) {
      const p = payload.value;
      const requests: [string, () => Promise<Response>][] = [
        ["GET signin", () => get("signin", { callbackUrl: p })],
        ["GET signin/<p>", () => get(`signin/${pathSegment(p)}`)],
        ["GET <p>", () => get(pathSegment(p))],
        ["GET session, hostile cookies", () => get("session", {}, hostileHeaders(p))],
        ["GET csrf, hostile cookies", () => get("csrf", {}, hostileHeaders(p))],
        ["GET providers", () => get("providers", { callbackUrl: p })],
        ["GET error", () => get("error", { error: p })],
        ["GET verify-request", () => get("verify-request", { provider: p, type: p })],
        ["GET callback/email", () => get("callback/email", { token: p, email: p, callbackUrl: p })],
        ["GET callback/<p>", () => get(`callback/${pathSegment(p)}`, { code: p, state: p })],
        ["POST signin/email, hostile email", () => post("signin/email", { email: p, csrfToken })],
        ["POST signin/email, hostile callbackUrl in the body", () => post("signin/email", { email: "someone@example.com", csrfToken, callbackUrl: p })],
        ["POST signin/email, junk CSRF", () => post("signin/email", { email: p, csrfToken: p }, `authjs.csrf-token=${pathSegment(p)}`)],
        ["POST signout, junk CSRF", () => post("signout", { csrfToken: p })],
        ["POST signout, hostile callbackUrl in the body", () => post("signout", { csrfToken, callbackUrl: p })],
        ["POST session", () => post("session", { csrfToken, data: p })],
        ["POST <p>", () => post(pathSegment(p), { csrfToken, [p.toWellFormed()]: p })],
      ];
      for (const [target, run] of requests) await attackRoute(record, { target, payload: payload.label }, run);
    }
    expectNoServerErrors(record);
  });

  it("no hostile request reaches an error Auth.js did not expect (its redirect to error=Configuration)", () => {
    expect(authRecord.calls).toBeGreaterThan(0);
    expect(summarize(authRecord.unexpectedErrors), `${authRecord.unexpectedErrors.length} of ${authRecord.calls} requests`).toEqual([]);
  });

  aftermath.defineAftermathTests();
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/calendar/[token]/route";
import { settleClientHeaders } from "../http/client-address";
import { setupTestDatabase } from "../test/database";
import { createTestUser } from "../test/factories";
import { rotateFeedToken } from "./feed-tokens";
import { BAD_TOKENS_PER_CLIENT as BAD_FEED_TOKENS_PER_CLIENT, BAD_TOKEN_WINDOW_SECONDS as BAD_FEED_TOKEN_WINDOW_SECONDS } from "@/lib/rate-limit/bad-tokens";

setupTestDatabase();

type FeedRoute = typeof GET;

// A request as the web server hands it on: X-Forwarded-For is the settled client address.
function fetchFeed(token: string, clientAddress: string, route: FeedRoute = GET): Promise<Response> {
  const request = new Request(`http://localhost:3000/calendar/${token}`, { headers: { "x-forwarded-for": clientAddress } });
  return route(request, { params: Promise.resolve({ token }) });
}

async function validToken(): Promise<string> {
  const user = await createTestUser();
  return rotateFeedToken({ userId: user.id, now: new Date() });
}

async function spendBudget(clientAddress: string, route: FeedRoute = GET, count = BAD_FEED_TOKENS_PER_CLIENT): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push((await fetchFeed(`bad-${clientAddress}-${i}`, clientAddress, route)).status);
  return statuses;
}

describe("bad feed tokens are limited per client; a valid feed never is", () => {
  it("answers 429 with Retry-After once a client has presented its budget of bad tokens, and 404 to other clients", async () => {
    expect(await spendBudget("203.0.113.1")).toEqual(Array(BAD_FEED_TOKENS_PER_CLIENT).fill(404));
    const refused = await fetchFeed("bad-one-more", "203.0.113.1");
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(BAD_FEED_TOKEN_WINDOW_SECONDS);
    expect(refused.headers.get("cache-control")).toContain("private");
    expect((await fetchFeed("bad-elsewhere", "203.0.113.2")).status).toBe(404);
  });

  it("serves a valid token to a client over its budget, every time", async () => {
    const token = await validToken();
    await spendBudget("203.0.113.3", GET, BAD_FEED_TOKENS_PER_CLIENT + 5);
    expect((await fetchFeed("bad-again", "203.0.113.3")).status).toBe(429);
    for (const presented of [token, `${token}.ics`, token]) {
      expect((await fetchFeed(presented, "203.0.113.3")).status).toBe(200);
    }
  });

  it("counts one client's bad tokens across app instances", async () => {
    vi.resetModules();
    // a second copy of the route module holds its own limiter, as a second process would
    const { GET: otherInstance } = await import("@/app/calendar/[token]/route");
    const half = BAD_FEED_TOKENS_PER_CLIENT / 2;
    await spendBudget("203.0.113.4", GET, half);
    await spendBudget("203.0.113.4", otherInstance, half);
    expect((await fetchFeed("bad-first", "203.0.113.4", GET)).status).toBe(429);
    expect((await fetchFeed("bad-second", "203.0.113.4", otherInstance)).status).toBe(429);
  });
});

describe("through the web server, a client cannot choose the address it is counted under", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((incoming, outgoing) => {
      settleClientHeaders(incoming, 0);
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
      const token = incoming.url!.slice("/calendar/".length);
      void GET(new Request(`http://localhost:3000${incoming.url}`, { headers }), { params: Promise.resolve({ token }) }).then(
        async (response) => {
          outgoing.writeHead(response.status, Object.fromEntries(response.headers));
          outgoing.end(Buffer.from(await response.arrayBuffer()));
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("varying X-Forwarded-For values from one socket are one client", async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= BAD_FEED_TOKENS_PER_CLIENT; i++) {
      const response = await fetch(`${origin}/calendar/bad-${i}`, { headers: { "x-forwarded-for": `198.51.100.${i + 1}` } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, BAD_FEED_TOKENS_PER_CLIENT)).toEqual(Array(BAD_FEED_TOKENS_PER_CLIENT).fill(404));
    expect(statuses.at(-1)).toBe(429);
  });

  it("a forged X-Forwarded-For naming someone else does not lock them out", async () => {
    const victim = "203.0.113.99";
    for (let i = 0; i <= BAD_FEED_TOKENS_PER_CLIENT; i++) {
      await fetch(`${origin}/calendar/forged-${i}`, { headers: { "x-forwarded-for": victim } });
    }
    expect((await fetchFeed("victims-typo", victim)).status).toBe(404);
    const token = await validToken();
    expect((await fetch(`${origin}/calendar/${token}`, { headers: { "x-forwarded-for": victim } })).status).toBe(200);
  });
});

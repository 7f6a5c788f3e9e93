import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Test support: a local stand-in for the Calendar API and the OAuth token
// endpoint, driven through the real googleapis client via rootUrl/tokenUrl.

export type RecordedRequest = {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
};

type Failure = { method: string; pathPrefix: string; status: number; body: unknown; remaining: number };

type TokenReply = { status: number; body: unknown };

type StoredEvent = Record<string, unknown> & { id: string };

const CALENDAR_PREFIX = "/calendar/v3";
const TOKEN_PATH = "/token";

export type FakeGoogleServer = {
  rootUrl: string;
  tokenUrl: string;
  requests: RecordedRequest[];
  /** Requests to the Calendar API only (token calls left out). */
  apiRequests: () => RecordedRequest[];
  tokenRequests: () => RecordedRequest[];
  /** Bearer tokens the API accepts; anything else gets 401. */
  validTokens: Set<string>;
  /** Events per calendar id. */
  events: Map<string, Map<string, StoredEvent>>;
  calendars: { id: string; summary: string; accessRole: string }[];
  /** The next `times` matching requests get `status` instead of the normal answer. */
  failNext: (failure: { method: string; pathPrefix: string; status: number; times?: number; body?: unknown }) => void;
  /** What the token endpoint answers next (default: a fresh token valid for an hour). */
  setTokenReply: (reply: (form: URLSearchParams, count: number) => TokenReply | Promise<TokenReply>) => void;
  close: () => Promise<void>;
};

function googleError(status: number, message: string, reason: string) {
  return { error: { code: status, message, errors: [{ domain: "global", reason, message }] } };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(response: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { "content-type": "application/json; charset=UTF-8" }).end(JSON.stringify(body));
}

export async function startFakeGoogleServer(): Promise<FakeGoogleServer> {
  const requests: RecordedRequest[] = [];
  const failures: Failure[] = [];
  const validTokens = new Set<string>();
  const events = new Map<string, Map<string, StoredEvent>>();
  const calendars: FakeGoogleServer["calendars"] = [];
  let tokenCount = 0;
  let tokenReply = (_form: URLSearchParams, count: number): TokenReply | Promise<TokenReply> => ({
    status: 200,
    body: { access_token: `refreshed-access-${count}`, expires_in: 3599, token_type: "Bearer", scope: "openid" },
  });

  function eventsOf(calendarId: string): Map<string, StoredEvent> {
    let map = events.get(calendarId);
    if (!map) {
      map = new Map();
      events.set(calendarId, map);
    }
    return map;
  }

  function answerCalendar(method: string, path: string, body: unknown, response: ServerResponse): void {
    const rest = path.slice(CALENDAR_PREFIX.length);
    if (method === "GET" && rest === "/users/me/calendarList") {
      return send(response, 200, { kind: "calendar#calendarList", items: calendars });
    }
    if (method === "POST" && rest === "/calendars") {
      const id = `cal-${calendars.length + 1}@group.calendar.google.com`;
      const summary = String((body as { summary?: unknown }).summary);
      calendars.push({ id, summary, accessRole: "owner" });
      return send(response, 200, { kind: "calendar#calendar", id, summary });
    }
    const match = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(rest);
    if (!match) return send(response, 404, googleError(404, "Not Found", "notFound"));
    const store = eventsOf(decodeURIComponent(match[1]!));
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (method === "POST" && !eventId) {
      const event = body as StoredEvent;
      if (store.has(event.id)) {
        return send(response, 409, googleError(409, "The requested identifier already exists.", "duplicate"));
      }
      store.set(event.id, event);
      return send(response, 200, event);
    }
    const existing = eventId ? store.get(eventId) : undefined;
    if (!eventId || !existing) return send(response, 404, googleError(404, "Not Found", "notFound"));
    if (method === "PATCH") {
      const patched = { ...existing, ...(body as object), id: eventId };
      store.set(eventId, patched);
      return send(response, 200, patched);
    }
    if (method === "DELETE") {
      store.delete(eventId);
      return send(response, 204);
    }
    return send(response, 405, googleError(405, "Method Not Allowed", "methodNotAllowed"));
  }

  const server = createServer(async (request, response) => {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const raw = await readBody(request);
    const isForm = (request.headers["content-type"] ?? "").includes("x-www-form-urlencoded");
    const body: unknown = raw === "" ? undefined : isForm ? Object.fromEntries(new URLSearchParams(raw)) : JSON.parse(raw);
    requests.push({ method, path: url.pathname, authorization: request.headers.authorization, body });

    const failure = failures.find(
      (entry) => entry.remaining > 0 && entry.method === method && url.pathname.startsWith(entry.pathPrefix),
    );
    if (failure) {
      failure.remaining -= 1;
      return send(response, failure.status, failure.body);
    }
    if (method === "POST" && url.pathname === TOKEN_PATH) {
      tokenCount += 1;
      const reply = await tokenReply(new URLSearchParams(raw), tokenCount);
      return send(response, reply.status, reply.body);
    }
    const token = request.headers.authorization?.replace(/^Bearer /, "");
    if (!token || !validTokens.has(token)) {
      return send(response, 401, googleError(401, "Invalid Credentials", "authError"));
    }
    answerCalendar(method, url.pathname, body, response);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    rootUrl: `${origin}/`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    requests,
    apiRequests: () => requests.filter((entry) => entry.path.startsWith(CALENDAR_PREFIX)),
    tokenRequests: () => requests.filter((entry) => entry.path === TOKEN_PATH),
    validTokens,
    events,
    calendars,
    failNext: ({ method, pathPrefix, status, times = 1, body }) => {
      failures.push({ method, pathPrefix, status, remaining: times, body: body ?? googleError(status, "Injected", "injected") });
    },
    setTokenReply: (reply) => {
      tokenReply = reply;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

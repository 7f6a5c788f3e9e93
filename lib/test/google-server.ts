import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Test support: a local stand-in for the Calendar API, the parts of the Gmail
// API Afterview uses, and the OAuth token endpoint, driven through the real
// googleapis client via rootUrl/tokenUrl.

export type RecordedRequest = {
  method: string;
  path: string;
  /** The query string's parameters, repeated ones joined with "," */
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
};

/** A message in the fake mailbox, as users.messages.get answers it. */
export type FakeGmailMessage = {
  id: string;
  threadId: string;
  labelIds: string[];
  /** Milliseconds since the epoch, as Gmail's internalDate. */
  internalDate: number;
  headers: { name: string; value: string }[];
  /** Whose mailbox holds it (their access token); unset: every user's. */
  accessToken?: string;
};

export type SentGmailMessage = { id: string; threadId: string; raw: string; requestedThreadId: string | undefined };

type Failure = { method: string; pathPrefix: string; status: number | "drop"; body: unknown; remaining: number };

type TokenReply = { status: number; body: unknown };

type StoredEvent = Record<string, unknown> & { id: string };

const CALENDAR_PREFIX = "/calendar/v3";
const GMAIL_PREFIX = "/gmail/v1/users/me";
const TOKEN_PATH = "/token";
const GMAIL_DEFAULT_PAGE_SIZE = 100;

export type FakeGoogleServer = {
  rootUrl: string;
  tokenUrl: string;
  requests: RecordedRequest[];
  /** Requests to the APIs (token calls left out). */
  apiRequests: () => RecordedRequest[];
  tokenRequests: () => RecordedRequest[];
  /** Bearer tokens the API accepts; anything else gets 401. */
  validTokens: Set<string>;
  /** Events per calendar id. */
  events: Map<string, Map<string, StoredEvent>>;
  calendars: { id: string; summary: string; accessRole: string }[];
  /** Calendars that were deleted: their ids answer 404. */
  deleteCalendar: (calendarId: string) => void;
  /** Messages users.messages.send accepted, in order. */
  gmailSent: SentGmailMessage[];
  /** The mailbox users.messages.list and get read (the user's inbox). */
  gmailMessages: FakeGmailMessage[];
  /** The next `times` matching requests get `status` instead of the normal answer. */
  failNext: (failure: { method: string; pathPrefix: string; status: number; times?: number; body?: unknown }) => void;
  /** The next matching request is read in full, then its connection is cut without an answer. */
  dropNext: (target: { method: string; pathPrefix: string }) => void;
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
  const deletedCalendars = new Set<string>();
  const gmailSent: SentGmailMessage[] = [];
  const gmailMessages: FakeGmailMessage[] = [];
  let tokenCount = 0;
  let calendarCount = 0;
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

  function answerGmail(method: string, path: string, query: Record<string, string>, body: unknown, token: string, response: ServerResponse): void {
    const mailbox = gmailMessages.filter((message) => !message.accessToken || message.accessToken === token);
    const rest = path.slice(GMAIL_PREFIX.length);
    if (method === "POST" && rest === "/messages/send") {
      const { raw, threadId } = body as { raw: string; threadId?: string };
      const id = `sent-${gmailSent.length + 1}`;
      const sent = { id, threadId: threadId ?? `thread-${id}`, raw, requestedThreadId: threadId };
      gmailSent.push(sent);
      return send(response, 200, { id, threadId: sent.threadId, labelIds: ["SENT"] });
    }
    if (method === "GET" && rest === "/messages") {
      // The subset of Gmail's search Afterview uses: "in:inbox" and "after:<epoch seconds>".
      const after = /after:(\d+)/.exec(query.q ?? "")?.[1];
      const isInboxOnly = (query.q ?? "").includes("in:inbox");
      const found = mailbox
        .filter((message) => !isInboxOnly || message.labelIds.includes("INBOX"))
        .filter((message) => !after || message.internalDate >= Number(after) * 1000)
        .sort((a, b) => b.internalDate - a.internalDate);
      const offset = Number(query.pageToken ?? 0);
      const size = Number(query.maxResults ?? GMAIL_DEFAULT_PAGE_SIZE);
      const page = found.slice(offset, offset + size).map((message) => ({ id: message.id, threadId: message.threadId }));
      const nextPageToken = offset + size < found.length ? String(offset + size) : undefined;
      return send(response, 200, {
        ...(page.length ? { messages: page } : {}),
        resultSizeEstimate: found.length,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
    }
    const messageMatch = /^\/messages\/([^/]+)$/.exec(rest);
    const message = messageMatch ? mailbox.find((entry) => entry.id === decodeURIComponent(messageMatch[1]!)) : undefined;
    if (method === "GET" && message) {
      const wanted = (query.metadataHeaders ?? "").toLowerCase().split(",").filter(Boolean);
      const headers = query.format === "metadata" && wanted.length
        ? message.headers.filter((header) => wanted.includes(header.name.toLowerCase()))
        : message.headers;
      return send(response, 200, {
        id: message.id,
        threadId: message.threadId,
        labelIds: message.labelIds,
        internalDate: String(message.internalDate),
        payload: { headers },
      });
    }
    return send(response, 404, googleError(404, "Requested entity was not found.", "notFound"));
  }

  function removeCalendar(calendarId: string): void {
    deletedCalendars.add(calendarId);
    const index = calendars.findIndex((entry) => entry.id === calendarId);
    if (index >= 0) calendars.splice(index, 1);
    events.delete(calendarId);
  }

  function answerCalendar(method: string, path: string, query: Record<string, string>, body: unknown, response: ServerResponse): void {
    const rest = path.slice(CALENDAR_PREFIX.length);
    if (method === "GET" && rest === "/users/me/calendarList") {
      return send(response, 200, { kind: "calendar#calendarList", items: calendars });
    }
    if (method === "POST" && rest === "/calendars") {
      calendarCount += 1;
      const id = `cal-${calendarCount}@group.calendar.google.com`;
      const summary = String((body as { summary?: unknown }).summary);
      calendars.push({ id, summary, accessRole: "owner" });
      return send(response, 200, { kind: "calendar#calendar", id, summary });
    }
    const calendarMatch = /^\/calendars\/([^/]+)$/.exec(rest);
    if (method === "GET" && calendarMatch) {
      const found = calendars.find((entry) => entry.id === decodeURIComponent(calendarMatch[1]!));
      if (!found) return send(response, 404, googleError(404, "Not Found", "notFound"));
      return send(response, 200, { kind: "calendar#calendar", id: found.id, summary: found.summary });
    }
    if (method === "DELETE" && calendarMatch) {
      const calendarId = decodeURIComponent(calendarMatch[1]!);
      if (!calendars.some((entry) => entry.id === calendarId)) return send(response, 404, googleError(404, "Not Found", "notFound"));
      removeCalendar(calendarId);
      return send(response, 204);
    }
    const match = /^\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(rest);
    if (!match || deletedCalendars.has(decodeURIComponent(match[1]!))) {
      return send(response, 404, googleError(404, "Not Found", "notFound"));
    }
    const store = eventsOf(decodeURIComponent(match[1]!));
    const eventId = match[2] ? decodeURIComponent(match[2]) : undefined;
    if (method === "GET" && !eventId) {
      const all = [...store.values()];
      const offset = Number(query.pageToken ?? 0);
      const size = Number(query.maxResults ?? 250);
      const page = all.slice(offset, offset + size);
      const nextPageToken = offset + size < all.length ? String(offset + size) : undefined;
      return send(response, 200, { kind: "calendar#events", items: page, ...(nextPageToken ? { nextPageToken } : {}) });
    }
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
    const query: Record<string, string> = {};
    for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(",");
    requests.push({ method, path: url.pathname, query, authorization: request.headers.authorization, body });

    const failure = failures.find(
      (entry) => entry.remaining > 0 && entry.method === method && url.pathname.startsWith(entry.pathPrefix),
    );
    if (failure) {
      failure.remaining -= 1;
      if (failure.status === "drop") return void request.socket.destroy();
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
    if (url.pathname.startsWith(GMAIL_PREFIX)) return answerGmail(method, url.pathname, query, body, token, response);
    answerCalendar(method, url.pathname, query, body, response);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    rootUrl: `${origin}/`,
    tokenUrl: `${origin}${TOKEN_PATH}`,
    requests,
    apiRequests: () => requests.filter((entry) => entry.path !== TOKEN_PATH),
    tokenRequests: () => requests.filter((entry) => entry.path === TOKEN_PATH),
    validTokens,
    events,
    calendars,
    deleteCalendar: removeCalendar,
    gmailSent,
    gmailMessages,
    failNext: ({ method, pathPrefix, status, times = 1, body }) => {
      failures.push({ method, pathPrefix, status, remaining: times, body: body ?? googleError(status, "Injected", "injected") });
    },
    dropNext: ({ method, pathPrefix }) => {
      failures.push({ method, pathPrefix, status: "drop", remaining: 1, body: undefined });
    },
    setTokenReply: (reply) => {
      tokenReply = reply;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

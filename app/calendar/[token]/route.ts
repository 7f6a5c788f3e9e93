import { buildCalendarFeed } from "@/lib/calendar";
import { loadFeedRows, loadFeedValidator } from "@/lib/calendar/feed-data";
import { findFeedOwner } from "@/lib/calendar/feed-tokens";
import { recordBadFeedToken } from "@/lib/calendar/rate-limit";
import { readEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";

export const dynamic = "force-dynamic";

// The feed is a capability URL: no cookie, nothing cached by shared caches or
// indexed, and the URL never leaks through a Referer.
const PRIVATE_HEADERS = {
  "Cache-Control": "private, no-cache",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
};

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { ...PRIVATE_HEADERS, "Content-Type": "text/plain; charset=utf-8" } });
}

function isFresh(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch) return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
  const ifModifiedSince = request.headers.get("if-modified-since");
  return ifModifiedSince !== null && Math.floor(lastModified.getTime() / 1000) <= Math.floor(Date.parse(ifModifiedSince) / 1000);
}

// The token is looked up first (one index lookup of its hash) so that a valid feed
// is never refused; only a bad token counts against the client, and a client over
// its budget is answered 429 instead of 404.
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const now = new Date();
  const { token } = await params;
  const owner = await findFeedOwner(token.replace(/\.ics$/, ""));
  if (!owner) {
    const decision = await recordBadFeedToken({ clientAddress: clientAddress(request.headers) });
    if (!decision.isAllowed) {
      return new Response("Too many requests", { status: 429, headers: { ...PRIVATE_HEADERS, "Retry-After": String(decision.retryAfterSeconds) } });
    }
    return notFound();
  }
  const appUrl = readEnv().APP_URL;
  const validator = await loadFeedValidator({ userId: owner.userId, appUrl, now, timeZone: owner.timeZone });
  const headers = {
    ...PRIVATE_HEADERS,
    ETag: validator.etag,
    "Last-Modified": validator.lastModified.toUTCString(),
  };
  if (isFresh(request, validator.etag, validator.lastModified)) return new Response(null, { status: 304, headers });
  const rows = await loadFeedRows({ userId: owner.userId, appUrl, now });
  const body = buildCalendarFeed({ calendarName: "Afterview follow-ups", timeZone: owner.timeZone, steps: rows.steps, interviews: rows.interviews, now });
  return new Response(body, {
    status: 200,
    headers: { ...headers, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="afterview.ics"' },
  });
}

import { recordBadUnsubscribeToken } from "@/lib/digest/rate-limit";
import { turnOffDigest } from "@/lib/digest/settings";
import { readUnsubscribeToken } from "@/lib/digest/unsubscribe-token";
import { readEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { logger } from "@/lib/log";

export const dynamic = "force-dynamic";

// docs/rules.md "Morning digest": the digest's unsubscribe link. It works without
// a session and does one thing: turn the digest off. GET only asks (mail
// scanners and link previews fetch every link in a mail); POST unsubscribes,
// from the page's button or from the mail provider's RFC 8058 one-click POST.
// The route is outside proxy.ts (see its matcher), so it sets its own headers:
// nothing cached or indexed, the token never sent on in a Referer, no script.
const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex, nofollow",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
};
const ONE_CLICK_FIELD = "List-Unsubscribe";
const ONE_CLICK_VALUE = "One-Click";
const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
/** The one-click body is 26 bytes; anything much larger is not one. */
const MAX_BODY_BYTES = 4_096;

type Params = { params: Promise<{ token: string }> };

function page(status: number, title: string, body: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Afterview</title>
<style>body{font-family:system-ui,sans-serif;background:#f6f7f9;color:#111827;margin:0;padding:24px}main{max-width:480px;margin:40px auto;background:#fff;padding:24px;border-radius:8px}button,a.button{display:inline-flex;align-items:center;min-height:44px;padding:0 20px;border:0;border-radius:6px;background:#1d4ed8;color:#fff;font-size:16px;font-weight:600;cursor:pointer;text-decoration:none}a{color:#1d4ed8}</style>
</head>
<body><main><h1>${title}</h1>${body}</main></body>
</html>`;
  return new Response(html, { status, headers: PAGE_HEADERS });
}

const settingsLink = () => `<a href="${new URL("/settings", readEnv().APP_URL).href}">Settings</a>`;

// A bad token counts against the client; over its budget it is answered 429 instead of 404.
async function refuse(request: Request): Promise<Response> {
  const decision = await recordBadUnsubscribeToken({ clientAddress: clientAddress(request.headers) });
  if (!decision.isAllowed) {
    return new Response("Too many requests", { status: 429, headers: { ...PAGE_HEADERS, "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(decision.retryAfterSeconds) } });
  }
  return page(404, "Link not found", "<p>This unsubscribe link is not valid. Open the latest digest and use its link, or turn the digest off in Settings.</p>");
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const userId = readUnsubscribeToken((await params).token);
  if (!userId) return refuse(request);
  return page(
    200,
    "Stop the morning digest?",
    `<p>You will no longer get the morning email about what is due. Nothing else changes: your plan, your dashboard and your other settings stay as they are.</p>
<form method="post"><input type="hidden" name="${ONE_CLICK_FIELD}" value="${ONE_CLICK_VALUE}"><button type="submit">Unsubscribe</button></form>`,
  );
}

// The body, or null past MAX_BODY_BYTES (a chunked body has no Content-Length to check first).
async function readBoundedBody(request: Request): Promise<Buffer | null> {
  const reader = request.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

async function isOneClickBody(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  if (!FORM_TYPES.some((formType) => type.toLowerCase().startsWith(formType))) return false;
  const body = await readBoundedBody(request);
  if (!body) return false;
  try {
    const form = await new Response(new Uint8Array(body), { headers: { "Content-Type": type } }).formData();
    return form.get(ONE_CLICK_FIELD) === ONE_CLICK_VALUE;
  } catch {
    return false;
  }
}

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const userId = readUnsubscribeToken((await params).token);
  if (!userId) return refuse(request);
  if (!(await isOneClickBody(request))) {
    return page(400, "Not an unsubscribe request", "<p>Use the button on the unsubscribe page, or turn the digest off in Settings.</p>");
  }
  if (!(await turnOffDigest({ userId }))) return refuse(request);
  logger.info({ userId }, "digest.unsubscribed");
  return page(200, "You are unsubscribed", `<p>The morning digest is off. You can turn it back on at any time in ${settingsLink()}.</p>`);
}

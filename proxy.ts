import { NextResponse, type NextRequest } from "next/server";
import {
  buildContentSecurityPolicy,
  createNonce,
  isCrossOriginPost,
  isUnreadableFormPost,
  strictTransportSecurity,
} from "@/lib/http/security-headers";

// Runs before every page and action (not static files): a nonce-based CSP that
// Next.js applies to its own scripts when it finds the policy on the request,
// HSTS on https deployments, a 403 for cross-site posts and a 400 for a form
// body that does not parse (both were 500s from Next.js).
export async function proxy(request: NextRequest) {
  // X-Forwarded-Host survives the web server only from a trusted proxy (lib/http/client-address.ts)
  const headers = { method: request.method, origin: request.headers.get("origin"), host: request.headers.get("x-forwarded-host") ?? request.headers.get("host") };
  if (isCrossOriginPost(headers)) {
    return new NextResponse("Cross-site requests are refused.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  if (await isUnreadableFormPost(request)) {
    return new NextResponse("The form could not be read.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const nonce = createNonce();
  const policy = buildContentSecurityPolicy({ nonce, isDevelopment: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  const hsts = strictTransportSecurity(process.env.APP_URL ?? "http://localhost:3000");
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    // pages, actions and auth routes; not static assets, the calendar feed (no HTML, own headers), nor the health checks (plain text, polled);
    // nor the digest's unsubscribe link: its RFC 8058 one-click POST comes from the mail provider, whose Origin (if any) is not ours, and it
    // needs no cross-site check since it carries no session (its token is its only authority) and sets its own headers
    {
      source: "/((?!_next/static|_next/image|favicon.ico|calendar/|unsubscribe/digest/|healthz$|readyz$|.*\\.(?:png|svg|ico|txt)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};

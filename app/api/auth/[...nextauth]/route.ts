import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { hasInvalidCallbackUrl } from "@/lib/http/callback-url";

function badRequest(): Response {
  return new Response("Invalid callback URL", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: NextRequest): Promise<Response> {
  return hasInvalidCallbackUrl(request) ? badRequest() : handlers.GET(request);
}

export async function POST(request: NextRequest): Promise<Response> {
  return hasInvalidCallbackUrl(request) ? badRequest() : handlers.POST(request);
}

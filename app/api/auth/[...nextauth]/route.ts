import type { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { listProviderIds } from "@/lib/auth/config";
import { findAuthRequestProblem } from "@/lib/http/callback-url";

async function guarded(request: NextRequest, handle: (request: NextRequest) => Promise<Response>): Promise<Response> {
  const problem = await findAuthRequestProblem(request, listProviderIds());
  if (!problem) return handle(request);
  return new Response(problem.message, { status: problem.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(request: NextRequest): Promise<Response> {
  return guarded(request, handlers.GET);
}

export async function POST(request: NextRequest): Promise<Response> {
  return guarded(request, handlers.POST);
}

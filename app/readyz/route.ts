import { checkReadiness } from "@/lib/health/readiness";

// Readiness: the database answers, migrations are current, a mail worker is
// alive. Unauthenticated, so it says one word and nothing else.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const readiness = await checkReadiness({ now: new Date() });
  return new Response(readiness, {
    status: readiness === "ready" ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

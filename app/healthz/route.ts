// Liveness: the web process is up and answering. Touches nothing else, so a
// database outage does not get the process restarted by its supervisor.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response("ok", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

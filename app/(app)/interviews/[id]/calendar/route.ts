import { buildStepEvents } from "@/lib/calendar";
import { loadFeedRows } from "@/lib/calendar/feed-data";
import { getSessionUserId } from "@/lib/auth/session";
import { readEnv } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { getInterview } from "@/lib/interviews/queries";
import { getUserSettings } from "@/lib/users/settings";

export const dynamic = "force-dynamic";

// "Download .ics" for one interview's plan, or `?step=<id>` for one step's
// "add to calendar": the same events (and UIDs) as the subscribed feed.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const userId = await getSessionUserId();
  if (!userId) return Response.redirect(new URL("/signin", request.url), 303);
  const { id } = await params;
  try {
    await getInterview({ userId, interviewId: id });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
  const now = new Date();
  const { timeZone } = await getUserSettings({ userId });
  const rows = await loadFeedRows({ userId, appUrl: readEnv().APP_URL, now, interviewId: id });
  const stepId = new URL(request.url).searchParams.get("step");
  const steps = stepId ? rows.steps.filter((step) => step.id === stepId) : rows.steps;
  if (stepId && steps.length === 0) return new Response("Not found", { status: 404 });
  const body = buildStepEvents({ timeZone, steps, interviews: stepId ? [] : rows.interviews, now });
  const filename = stepId ? `afterview-step-${stepId.slice(0, 8)}.ics` : `afterview-interview-${id.slice(0, 8)}.ics`;
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

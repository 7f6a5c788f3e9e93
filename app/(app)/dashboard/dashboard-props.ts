import "server-only";
import { LRUCache } from "lru-cache";
import { toOpportunityRows } from "@/components/opportunity-list";
import { toStepRows } from "@/components/step-list";
import { proposeSnoozeLocal } from "@/lib/format";
import { DASHBOARD_OPPORTUNITIES, listDashboard } from "@/lib/interviews/queries";
import { listDashboardSteps, type DashboardSection } from "@/lib/plan/queries";
import type { DashboardGroup, DashboardViewProps } from "./dashboard-view";

/** The dashboard's props that come from the user's data; the page adds the notice and the actions. */
export type DashboardData = Omit<DashboardViewProps, "isDeleted" | "actions">;

type DashboardRequest = {
  userId: string;
  timeZone: string;
  sendHour: number;
  now: Date;
  /** the session's users.dataVersion; null reads afresh and keeps nothing */
  dataVersion: number | null;
};

// Users whose dashboards one process keeps, the most recently seen first (a few
// tens of KB each); an entry unused this long is dropped.
const CACHED_USERS = 500;
const CACHE_IDLE_MS = 10 * 60_000;

type CachedDashboard = { dataVersion: number; timeZone: string; sendHour: number; madeAt: number; changesAt: number; data: DashboardData };

// The dashboard a user saw last, served again while it is still exactly what
// reading it afresh would give (docs/architecture.md "The dashboard cache"):
// nothing it shows has changed (the data version, set by database triggers at
// every commit that touches it, whichever process wrote), the same zone and
// send hour, and the clock has not crossed a day or a pending deadline.
const cache = new LRUCache<string, CachedDashboard>({ max: CACHED_USERS, ttl: CACHE_IDLE_MS, updateAgeOnGet: true });

function isCurrent(cached: CachedDashboard | undefined, request: DashboardRequest): cached is CachedDashboard {
  const at = request.now.getTime();
  return (
    cached !== undefined &&
    cached.dataVersion === request.dataVersion &&
    cached.timeZone === request.timeZone &&
    cached.sendHour === request.sendHour &&
    at >= cached.madeAt &&
    at < cached.changesAt
  );
}

// Its own module so `npm run bench` renders the same props in a bare Next.js app (docs/performance.md).
export async function loadDashboardData(request: DashboardRequest): Promise<DashboardData> {
  const cached = cache.get(request.userId);
  if (isCurrent(cached, request)) return cached.data;
  const { data, changesAt } = await readDashboardData(request);
  if (request.dataVersion !== null) {
    const { userId, dataVersion, timeZone, sendHour, now } = request;
    cache.set(userId, { dataVersion, timeZone, sendHour, madeAt: now.getTime(), changesAt: changesAt.getTime(), data });
  }
  return data;
}

async function readDashboardData({ userId, timeZone, sendHour, now }: DashboardRequest): Promise<{ data: DashboardData; changesAt: Date }> {
  const [opportunities, { sections, changesAt }] = await Promise.all([listDashboard({ userId }), listDashboardSteps({ userId, now, timeZone })]);
  const group = (id: string, title: string, section: DashboardSection, empty: string, previewNote?: string): DashboardGroup => ({
    id,
    title,
    empty,
    rows: toStepRows(section.steps, timeZone, true),
    total: section.total,
    ...(previewNote ? { previewNote } : {}),
  });
  const data: DashboardData = {
    timeZoneLabel: timeZone.replace(/_/g, " "),
    groups: [
      group("overdue", "Overdue", sections.overdue, ""),
      group("today", "Today", sections.today, "Nothing due today."),
      group("this-week", "This week", sections.thisWeek, "Nothing else this week."),
      // more than a week out: listed to show what is coming; the buttons are on the interview's page
      group("later", "Later", sections.later, "Nothing planned further out.", "Coming after this week. To change one of these, open its interview."),
    ],
    opportunities: toOpportunityRows(opportunities, timeZone),
    hasMoreOpportunities: opportunities.length === DASHBOARD_OPPORTUNITIES,
    // a day's proposal: changesAt is at the latest the next local midnight
    defaultSnoozeLocal: proposeSnoozeLocal(now, timeZone, sendHour),
  };
  return { data, changesAt };
}

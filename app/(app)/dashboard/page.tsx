import type { Metadata } from "next";
import { requireSessionUser } from "@/lib/auth/session";
import { PLAN_COMMANDS } from "../steps/commands";
import { loadDashboardData } from "./dashboard-props";
import { DashboardView } from "./dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [{ deleted }, settings] = await Promise.all([searchParams, requireSessionUser()]);
  const data = await loadDashboardData({ userId: settings.id, timeZone: settings.timeZone, sendHour: settings.sendHour, now: new Date(), dataVersion: settings.dataVersion });
  return <DashboardView isDeleted={Boolean(deleted)} {...data} actions={PLAN_COMMANDS} />;
}

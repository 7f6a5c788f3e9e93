import type { Metadata } from "next";
import Link from "next/link";
import { OpportunityList } from "@/components/opportunity-list";
import { requireUserId } from "@/lib/auth/session";
import { ALL_OPPORTUNITIES_LIMIT, listDashboard } from "@/lib/interviews/queries";
import { getUserSettings } from "@/lib/users/settings";
import { PLAN_COMMANDS } from "../steps/commands";

export const metadata: Metadata = { title: "All interviews" };

export default async function AllInterviewsPage() {
  const userId = await requireUserId();
  const [opportunities, settings] = await Promise.all([listDashboard({ userId, limit: ALL_OPPORTUNITIES_LIMIT }), getUserSettings({ userId })]);
  return (
    <>
      <h1 className="text-2xl font-bold">All opportunities and interviews</h1>
      {opportunities.length === 0 ? (
        <p className="mt-6 text-slate-700 dark:text-slate-300">
          Nothing logged yet. <Link href="/interviews/new" className="text-brand-700 dark:text-brand-300 underline">Log an interview</Link>.
        </p>
      ) : (
        <OpportunityList opportunities={opportunities} timeZone={settings.timeZone} headingLevel={2} actions={PLAN_COMMANDS} />
      )}
    </>
  );
}

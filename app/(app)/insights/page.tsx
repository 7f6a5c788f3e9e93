import type { Metadata } from "next";
import Link from "next/link";
import { requireUserId } from "@/lib/auth/session";
import { formatDays, formatShare, MIN_COMPARABLE_COUNT, parsePeriod, PERIOD_LABELS, PERIODS, type Period, type Share } from "@/lib/insights/figures";
import { getInsights, type CompanyStyle, type InsightFigures, type InsightGroup } from "@/lib/insights/queries";
import { STAGE_LABELS } from "@/lib/interviews/form-constants";
import { BarChart, type Bar } from "./bar-chart";
import { BreakdownTables } from "./breakdown-table";

export const metadata: Metadata = { title: "Insights" };

const STYLE_LABELS: Record<CompanyStyle, string> = { formal: "Formal", casual: "Casual", unknown: "Style not set" };
const LINK = "text-brand-700 dark:text-brand-300 underline";

function PeriodLinks({ current }: { current: Period }) {
  return (
    <nav aria-label="Period" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {PERIODS.map((period) => (
          <li key={period}>
            <Link
              href={`/insights?period=${period}`}
              aria-current={period === current ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 dark:border-slate-600 px-3 text-sm font-medium aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white dark:aria-[current=page]:border-brand-300 dark:aria-[current=page]:bg-brand-300 dark:aria-[current=page]:text-slate-900"
            >
              {PERIOD_LABELS[period]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Tile({ label, value, detail }: { label: string; value: string; detail?: string | null }) {
  return (
    <div className="rounded-md border border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-4">
      <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-1 text-xl font-semibold">{value}</dd>
      {detail ? <dd className="mt-1 text-xs text-slate-600 dark:text-slate-400">{detail}</dd> : null}
    </div>
  );
}

function Summary({ figures }: { figures: InsightFigures }) {
  const followedUp = figures.interviewsFollowedUp;
  return (
    <dl className="mb-8 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
      <Tile label="Interviews" value={String(figures.interviews)} detail={`${figures.outcomes.opportunities} ${figures.outcomes.opportunities === 1 ? "opportunity" : "opportunities"}`} />
      <Tile label="Thank-yous sent within 24 h" value={formatShare(figures.thankYousOnTime)} detail={figures.thankYousOnTime.caveat} />
      <Tile label="Follow-ups sent" value={String(figures.followUpsSent)} detail={`for ${followedUp} ${followedUp === 1 ? "interview" : "interviews"}`} />
      <Tile label="Interviews with a reply" value={formatShare(figures.replies)} detail={figures.replies.caveat} />
      <Tile label="Replies that came after a follow-up" value={formatShare(figures.repliesAfterFollowUp)} detail={figures.repliesAfterFollowUp.caveat} />
      <Tile label="Median time from interview to reply" value={formatDays(figures.replyDays)} detail={figures.replyDays.caveat} />
    </dl>
  );
}

function replyBars(figures: InsightFigures): Bar[] {
  const after = figures.repliesAfterFollowUp.part;
  const before = figures.replies.part - after;
  const none = figures.interviews - figures.replies.part;
  return [
    { label: "Replied before any follow-up", value: before, text: String(before) },
    { label: "Replied after a follow-up", value: after, text: String(after) },
    { label: "No reply", value: none, text: String(none) },
  ];
}

function outcomeBars({ outcomes }: InsightFigures): Bar[] {
  return [
    { label: "Offer", value: outcomes.offer, text: String(outcomes.offer) },
    { label: "Rejected", value: outcomes.rejected, text: String(outcomes.rejected) },
    { label: "Withdrawn", value: outcomes.withdrawn, text: String(outcomes.withdrawn) },
    { label: "Silent after “move on”", value: outcomes.silent, text: String(outcomes.silent) },
    { label: "Still open", value: outcomes.open, text: String(outcomes.open) },
  ];
}

// docs/insights.md "Small numbers": a group with too few interviews keeps its bar
// but its text says so, and the table below gives the caveat in full.
function shareText(share: Share): string {
  if (share.ratio === null) return "–";
  return share.caveat ? `${share.part} of ${share.whole}, too few` : formatShare(share);
}

function replyRateBars<Key extends string>(groups: InsightGroup<Key>[], labels: Record<Key, string>): Bar[] {
  return groups.map(({ key, figures }) => ({ label: labels[key], value: (figures.replies.ratio ?? 0) * 100, text: shareText(figures.replies) }));
}

function EmptyState({ period }: { period: Period }) {
  return (
    <div className="rounded-md border border-dashed border-slate-300 dark:border-slate-600 bg-white dark:bg-slate-900 px-4 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
      {period === "all" ? (
        <p>
          Nothing to show yet. Once you <Link href="/interviews/new" className={LINK}>log an interview</Link> and its thank-yous and follow-ups go out,
          this page shows what following up did for you: how quickly you thanked, who replied, and how each opportunity ended.
        </p>
      ) : (
        <p>
          No interviews started in the {PERIOD_LABELS[period].toLowerCase()}. See <Link href="/insights?period=all" className={LINK}>all time</Link>.
        </p>
      )}
    </div>
  );
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  const [{ period: requested }, userId] = await Promise.all([searchParams, requireUserId()]);
  const period = parsePeriod(requested);
  const insights = await getInsights({ userId, period, now: new Date() });
  const { total } = insights;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Insights</h1>
      <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        What following up did for you, counted over the interviews that started in the period, from your own steps, sent messages and replies.
      </p>
      <PeriodLinks current={period} />
      {total.interviews === 0 ? (
        <EmptyState period={period} />
      ) : (
        <div className="space-y-10">
          <Summary figures={total} />
          <section aria-labelledby="charts-heading" className="space-y-6">
            <h2 id="charts-heading" className="text-lg font-semibold">
              Replies and outcomes
            </h2>
            <div className="grid grid-cols-1 gap-8 lg:grid-cols-2">
              <BarChart id="replies-chart" title="Interviews by reply" bars={replyBars(total)} columns={["Interviews", "Count"]} />
              <BarChart id="outcomes-chart" title="Opportunities by outcome" bars={outcomeBars(total)} columns={["Outcome", "Opportunities"]} />
              <BarChart id="stage-chart" title="Reply rate by stage" bars={replyRateBars(insights.byStage, STAGE_LABELS)} max={100} columns={["Stage", "Interviews with a reply"]} />
              <BarChart id="style-chart" title="Reply rate by company style" bars={replyRateBars(insights.byCompanyStyle, STYLE_LABELS)} max={100} columns={["Company style", "Interviews with a reply"]} />
            </div>
          </section>
          <BreakdownTables id="by-stage" title="By stage" groupLabel="Stage" groups={insights.byStage} labels={STAGE_LABELS} />
          <BreakdownTables id="by-style" title="By company style" groupLabel="Company style" groups={insights.byCompanyStyle} labels={STYLE_LABELS} />
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Outcomes count each opportunity once, under the stage of its latest interview in the period. A figure from fewer than {MIN_COMPARABLE_COUNT} cases is shown with a
            note instead of being compared.
          </p>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { toOpportunityRows } from "@/components/opportunity-list";
import { OpportunityListView } from "@/components/opportunity-list-view";
import { STAGE_NAMES } from "@/components/opportunity-stage";
import { requireUserId } from "@/lib/auth/session";
import { isPipelineStage, listPipeline, MAX_PIPELINE_QUERY_LENGTH, normalizePipelineQuery, PIPELINE_PAGE_SIZE, PIPELINE_STAGES } from "@/lib/opportunities/pipeline";
import { getUserSettings } from "@/lib/users/settings";
import { PLAN_COMMANDS } from "../steps/commands";

export const metadata: Metadata = { title: "Opportunities" };

const CHIP = "inline-flex min-h-11 items-center rounded-full border px-3 text-sm";
const CHIP_IDLE = "border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";
const CHIP_CURRENT = "border-brand-700 bg-brand-600 font-semibold text-white";

function filterHref(stage: string | null, query: string): string {
  const params = new URLSearchParams();
  if (stage) params.set("status", stage);
  if (query) params.set("q", query);
  const search = params.toString();
  return search ? `/opportunities?${search}` : "/opportunities";
}

// The pipeline at a glance; the dashboard stays "what to do next".
export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<{ status?: string | string[]; q?: string | string[] }> }) {
  const [params, userId] = await Promise.all([searchParams, requireUserId()]);
  const stage = isPipelineStage(params.status) ? params.status : null;
  const query = normalizePipelineQuery(params.q);
  const [pipeline, settings] = await Promise.all([listPipeline({ userId, stage, query }), getUserSettings({ userId })]);
  // "hired" is shown once someone is
  const stages = PIPELINE_STAGES.filter((name) => name !== "hired" || pipeline.counts.hired > 0);
  const isFiltered = stage !== null || query !== "";
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Opportunities</h1>
        <Link href="/interviews/new" className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-semibold text-white hover:bg-brand-700">
          Log an interview
        </Link>
      </div>

      <form role="search" aria-label="Opportunities" action="/opportunities" className="mt-4 flex flex-wrap items-end gap-2">
        {stage ? <input type="hidden" name="status" value={stage} /> : null}
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor="pipeline-query" className="block text-sm font-medium">
            Search company, role or interviewer
          </label>
          <input
            id="pipeline-query"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={MAX_PIPELINE_QUERY_LENGTH}
            className="mt-1 min-h-11 w-full rounded-md border border-slate-300 bg-white px-3 text-base sm:text-sm dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <button type="submit" className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800">
          Search
        </button>
      </form>

      <nav aria-label="Filter by stage" className="mt-4">
        <ul className="flex flex-wrap gap-2">
          <li>
            <Link href={filterHref(null, query)} aria-current={stage === null ? "page" : undefined} className={`${CHIP} ${stage === null ? CHIP_CURRENT : CHIP_IDLE}`}>
              All ({pipeline.total})
            </Link>
          </li>
          {stages.map((name) => (
            <li key={name}>
              <Link href={filterHref(name, query)} aria-current={stage === name ? "page" : undefined} className={`${CHIP} ${stage === name ? CHIP_CURRENT : CHIP_IDLE}`}>
                {STAGE_NAMES[name]} ({pipeline.counts[name]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {pipeline.opportunities.length === 0 ? (
        <section className="mt-8 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center dark:border-slate-600 dark:bg-slate-900">
          {isFiltered ? (
            <>
              <h2 className="text-lg font-semibold">Nothing matches</h2>
              <p className="mt-2 text-slate-700 dark:text-slate-300">
                No opportunity {stage ? `is “${STAGE_NAMES[stage]}”` : ""}
                {stage && query ? " and " : ""}
                {query ? `matches “${query}”` : ""}.
              </p>
              <Link href="/opportunities" className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline dark:text-brand-300">
                Show all opportunities
              </Link>
            </>
          ) : (
            <>
              <h2 className="text-lg font-semibold">No opportunities yet</h2>
              <p className="mt-2 text-slate-700 dark:text-slate-300">Each interview you log adds its company and role here, with where it stands.</p>
              <Link href="/interviews/new" className="mt-4 inline-flex min-h-11 items-center text-brand-700 underline dark:text-brand-300">
                Log your first interview
              </Link>
            </>
          )}
        </section>
      ) : (
        <>
          <OpportunityListView
            rows={toOpportunityRows(pipeline.opportunities, settings.timeZone)}
            headingLevel={2}
            recordOutcome={PLAN_COMMANDS.recordOutcome}
          />
          {pipeline.opportunities.length === PIPELINE_PAGE_SIZE ? (
            <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">Showing the latest {PIPELINE_PAGE_SIZE}; search to find others.</p>
          ) : null}
        </>
      )}
    </>
  );
}

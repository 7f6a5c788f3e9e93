import type { ReactNode } from "react";
import { formatDays, formatShare, type Median, type Share } from "@/lib/insights/figures";
import type { InsightFigures, InsightGroup } from "@/lib/insights/queries";

type Column = { label: string; render: (figures: InsightFigures) => ReactNode };

function Figure({ value, caveat }: { value: string; caveat: string | null }) {
  return (
    <>
      <span>{value}</span>
      {caveat ? <span className="block text-xs text-slate-600 dark:text-slate-400">{caveat}</span> : null}
    </>
  );
}

function share(pick: (figures: InsightFigures) => Share) {
  return function renderShare(figures: InsightFigures) {
    const value = pick(figures);
    return <Figure value={formatShare(value)} caveat={value.caveat} />;
  };
}

function median(pick: (figures: InsightFigures) => Median) {
  return function renderMedian(figures: InsightFigures) {
    const value = pick(figures);
    return <Figure value={formatDays(value)} caveat={value.caveat} />;
  };
}

const FOLLOWING_UP: Column[] = [
  { label: "Interviews", render: (figures) => figures.interviews },
  { label: "Thank-yous within 24 h", render: share((figures) => figures.thankYousOnTime) },
  { label: "Follow-ups sent", render: (figures) => figures.followUpsSent },
  { label: "Interviews with a reply", render: share((figures) => figures.replies) },
  { label: "Replies after a follow-up", render: share((figures) => figures.repliesAfterFollowUp) },
  { label: "Median time to a reply", render: median((figures) => figures.replyDays) },
];

const OUTCOMES: Column[] = [
  { label: "Opportunities", render: (figures) => figures.outcomes.opportunities },
  { label: "Offer", render: (figures) => figures.outcomes.offer },
  { label: "Rejected", render: (figures) => figures.outcomes.rejected },
  { label: "Withdrawn", render: (figures) => figures.outcomes.withdrawn },
  { label: "Silent after “move on”", render: (figures) => figures.outcomes.silent },
  { label: "Still open", render: (figures) => figures.outcomes.open },
];

// On a phone each row becomes a small card: the header row is kept for screen
// readers only and every cell shows its column's name before its value.
function Table<Key extends string>({ caption, groupLabel, groups, labels, columns }: { caption: string; groupLabel: string; groups: InsightGroup<Key>[]; labels: Record<Key, string>; columns: Column[] }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-2 text-left text-sm font-semibold">{caption}</caption>
      <thead className="max-sm:sr-only">
        <tr className="border-b border-slate-200 dark:border-slate-700 align-bottom">
          <th scope="col" className="py-2 pr-3 font-semibold">
            {groupLabel}
          </th>
          {columns.map((column) => (
            <th key={column.label} scope="col" className="py-2 pr-3 font-semibold">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => (
          <tr key={group.key} className="border-b border-slate-100 dark:border-slate-800 align-top max-sm:block max-sm:py-2">
            <th scope="row" className="py-2 pr-3 font-semibold max-sm:block max-sm:py-1">
              {labels[group.key]}
            </th>
            {columns.map((column) => (
              <td
                key={column.label}
                data-label={column.label}
                className="py-2 pr-3 max-sm:flex max-sm:justify-between max-sm:gap-4 max-sm:py-1 max-sm:pr-0 max-sm:before:text-slate-600 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-slate-400"
              >
                <span className="max-sm:text-right">{column.render(group.figures)}</span>
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BreakdownTables<Key extends string>({ id, title, groupLabel, groups, labels }: { id: string; title: string; groupLabel: string; groups: InsightGroup<Key>[]; labels: Record<Key, string> }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      <Table caption={`Following up, ${title.toLowerCase()}`} groupLabel={groupLabel} groups={groups} labels={labels} columns={FOLLOWING_UP} />
      <Table caption={`Outcomes, ${title.toLowerCase()}`} groupLabel={groupLabel} groups={groups} labels={labels} columns={OUTCOMES} />
    </section>
  );
}

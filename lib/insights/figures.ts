// Pure rules of the Insights page (docs/insights.md): which period, and when a
// share or a median rests on too few cases to say anything.

export const PERIODS = ["30", "90", "all"] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = "90";
export const PERIOD_LABELS: Record<Period, string> = { "30": "Last 30 days", "90": "Last 90 days", all: "All time" };

const DAY_MS = 24 * 60 * 60 * 1000;

// docs/insights.md "Small numbers": below this many cases a share or a median is
// shown with its caveat instead of being compared.
export const MIN_COMPARABLE_COUNT = 5;

export function parsePeriod(value: unknown): Period {
  return PERIODS.find((period) => period === value) ?? DEFAULT_PERIOD;
}

/** The earliest interview start the period covers; null for all time. */
export function getPeriodStart(period: Period, now: Date): Date | null {
  return period === "all" ? null : new Date(now.getTime() - Number(period) * DAY_MS);
}

export type Noun = { one: string; many: string };

function count(value: number, noun: Noun): string {
  return `${value} ${value === 1 ? noun.one : noun.many}`;
}

/** null when there are enough cases; otherwise what to say instead of comparing. */
export function describeSmallNumber(cases: number, noun: Noun): string | null {
  if (cases === 0) return `No ${noun.many} yet`;
  return cases < MIN_COMPARABLE_COUNT ? `${count(cases, noun)}: too few to compare` : null;
}

export type Share = { part: number; whole: number; ratio: number | null; caveat: string | null };

export function toShare(part: number, whole: number, noun: Noun): Share {
  return { part, whole, ratio: whole === 0 ? null : part / whole, caveat: describeSmallNumber(whole, noun) };
}

export type Median = { days: number | null; cases: number; caveat: string | null };

export function toMedian(days: number | null, cases: number, noun: Noun): Median {
  return { days: cases === 0 ? null : days, cases, caveat: describeSmallNumber(cases, noun) };
}

export function formatShare(share: Share): string {
  if (share.ratio === null) return "–";
  return `${Math.round(share.ratio * 100)}% (${share.part} of ${share.whole})`;
}

export function formatDays(median: Median): string {
  if (median.days === null) return "–";
  const days = Math.round(median.days * 10) / 10;
  return `${days} ${days === 1 ? "day" : "days"}`;
}

import type { PriceInterval, PriceSeriesQuery } from "@/lib/api/types";

export type RangeKey = "1M" | "3M" | "1Y" | "ALL";

interface RangeSpec {
  key: RangeKey;
  label: string;
  /** Accessible name of the toggle. */
  title: string;
  /** Days back from today; null = all history. */
  days: number | null;
  interval: PriceInterval;
}

/** Daily points up to 3 months, weekly for a year, monthly for everything. */
export const RANGES: RangeSpec[] = [
  { key: "1M", label: "1M", title: "Last month", days: 30, interval: "day" },
  { key: "3M", label: "3M", title: "Last 3 months", days: 90, interval: "day" },
  { key: "1Y", label: "1Y", title: "Last year", days: 365, interval: "week" },
  { key: "ALL", label: "All", title: "All history", days: null, interval: "month" },
];

export const DEFAULT_RANGE: RangeKey = "3M";

/**
 * The API defaults `from` to a year ago, so "all" needs an explicit early start
 * (monthly buckets keep it far below the 1000-points-per-series limit).
 */
export const ALL_HISTORY_FROM = "1990-01-01";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The query for a range: a calendar-day `from` (UTC), so the query key — and the cache —
 * stays the same all day instead of changing every millisecond.
 */
export function rangeQuery(key: RangeKey, today: Date = new Date()): PriceSeriesQuery {
  const spec = RANGES.find((r) => r.key === key) ?? RANGES[0];
  if (!spec || spec.days === null) return { from: ALL_HISTORY_FROM, interval: "month" };
  const from = new Date(today.getTime() - spec.days * 24 * 60 * 60 * 1000);
  return { from: isoDay(from), interval: spec.interval };
}

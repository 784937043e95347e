import type { PriceInterval, PriceSeriesQuery } from "@/lib/api/types";
import type { RangeChoice } from "@/lib/use-range-param";

import type { PricesT } from "./labels";

export type RangeKey = "1M" | "3M" | "1Y" | "ALL";

interface RangeSpec {
  key: RangeKey;
  /** Its words in the "prices" namespace: `ranges.<name>.label` and `.title` (the toggle's accessible name). */
  name: "month" | "quarter" | "year" | "all";
  /** Days back from today; null = all history. */
  days: number | null;
  interval: PriceInterval;
}

/** Daily points up to 3 months, weekly for a year, monthly for everything. */
export const RANGES: RangeSpec[] = [
  { key: "1M", name: "month", days: 30, interval: "day" },
  { key: "3M", name: "quarter", days: 90, interval: "day" },
  { key: "1Y", name: "year", days: 365, interval: "week" },
  { key: "ALL", name: "all", days: null, interval: "month" },
];

/** The ranges as the toggle offers them, in the app's language. */
export function rangeChoices(t: PricesT): RangeChoice<RangeKey>[] {
  return RANGES.map((r) => ({ key: r.key, label: t(`ranges.${r.name}.label`), title: t(`ranges.${r.name}.title`) }));
}

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

import type { PriceSeries } from "@/lib/api/types";

import { seriesLabel, type PricesT } from "./labels";

export interface ChartSeries {
  key: string;
  label: string;
  source: string;
  condition: string;
  currency: string;
  color: string;
}

export type ChartRow = { t: number } & Record<string, number | undefined>;

const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--chart-4)", "var(--chart-5)"];

/** Dash patterns after the first (solid) line: two series with the same prices still
 * show as two, the later one dashed over the earlier's wider stroke. */
const DASHES = ["", "6 4", "2 3", "10 3 2 3", "1 5"];

/** How line `index` of `count` is drawn (wider first, then narrower and dashed). */
export function lineStyle(index: number, count: number): { strokeWidth: number; strokeDasharray?: string } {
  if (count <= 1) return { strokeWidth: 2 };
  const strokeWidth = Math.max(2, 2 + 1.5 * (count - 1 - index));
  const dashes = DASHES[index % DASHES.length] ?? "";
  return dashes ? { strokeWidth, strokeDasharray: dashes } : { strokeWidth };
}

export function seriesKey(series: Pick<PriceSeries, "source" | "condition" | "currency">): string {
  return `${series.source}|${series.condition}|${series.currency}`;
}

/** Currencies present, most points first (the chart shows one currency at a time). */
export function currenciesOf(series: PriceSeries[]): string[] {
  const points = new Map<string, number>();
  for (const s of series) points.set(s.currency, (points.get(s.currency) ?? 0) + s.points.length);
  return [...points.entries()].sort((a, b) => b[1] - a[1]).map(([currency]) => currency);
}

/**
 * Recharts wants one row per x value: series are merged on their timestamps (a series
 * without a point at some time leaves a gap there, bridged by `connectNulls`).
 */
export function toChartData(series: PriceSeries[], t: PricesT): { rows: ChartRow[]; lines: ChartSeries[] } {
  const lines = series.map((s, index) => ({
    key: seriesKey(s),
    label: seriesLabel(s, t),
    source: s.source,
    condition: s.condition,
    currency: s.currency,
    color: COLORS[index % COLORS.length] ?? "var(--chart-1)",
  }));
  const byTime = new Map<number, ChartRow>();
  series.forEach((s, index) => {
    const key = lines[index]?.key ?? seriesKey(s);
    for (const point of s.points) {
      const time = Date.parse(point.t);
      const row = byTime.get(time) ?? { t: time };
      row[key] = Number(point.price);
      byTime.set(time, row);
    }
  });
  const rows = [...byTime.values()].sort((a, b) => a.t - b.t);
  return { rows, lines };
}

/**
 * The series whose value stands for the item: the one in the item's condition, if any
 * has a latest price; otherwise the most recently observed one.
 */
export function currentValueSeries(
  series: PriceSeries[],
  itemCondition: string | null | undefined,
): { series: PriceSeries; matchesCondition: boolean } | null {
  const priced = series.filter((s) => s.summary.latest !== null && s.summary.latest_at !== null);
  const newest = (list: PriceSeries[]) =>
    [...list].sort((a, b) => Date.parse(b.summary.latest_at ?? "") - Date.parse(a.summary.latest_at ?? ""))[0];
  const matching = itemCondition ? newest(priced.filter((s) => s.condition === itemCondition)) : undefined;
  if (matching) return { series: matching, matchesCondition: true };
  const latest = newest(priced);
  return latest ? { series: latest, matchesCondition: false } : null;
}

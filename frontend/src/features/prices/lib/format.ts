import type { PriceInterval } from "@/lib/api/types";
import { formatLocale } from "@/i18n/languages";
import { tickFormatter } from "@/lib/chart-dates";
import { formatMoney } from "@/lib/utils";

import type { PricesT } from "./labels";

const axisFormatters = new Map<string, Intl.NumberFormat>();

/** Compact currency for the y axis: "€1,200", "$35.50" (cents only when they matter). */
export function formatAxisMoney(value: number, currency: string, span: number): string {
  const digits = span < 10 ? 2 : 0;
  const key = `${formatLocale()}|${currency}|${String(digits)}`;
  let formatter = axisFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(formatLocale(), {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      formatter = new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: digits });
    }
    axisFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** The x axis' ticks: "Mar 2024" for monthly points, "Mar 5" for daily and weekly ones
 * (with the year when the chart crosses one: `tickFormatter`). */
export function priceTicks(rows: readonly { t: number }[], interval: PriceInterval): (time: number) => string {
  const first = rows[0]?.t ?? 0;
  const last = rows.at(-1)?.t ?? first;
  return tickFormatter(interval === "month" ? "month" : "day", first, last);
}

/** The tooltip's date, saying what a bucket covers. */
export function formatPointDate(time: number, interval: PriceInterval, t: PricesT): string {
  if (interval === "raw") {
    return new Intl.DateTimeFormat(formatLocale(), { dateStyle: "medium", timeStyle: "short" }).format(time);
  }
  if (interval === "month") {
    return new Intl.DateTimeFormat(formatLocale(), { month: "long", year: "numeric", timeZone: "UTC" }).format(time);
  }
  const day = new Intl.DateTimeFormat(formatLocale(), { dateStyle: "medium", timeZone: "UTC" }).format(time);
  return interval === "week" ? t("chart.weekOf", { day }) : day;
}

export function formatChange(absolute: string | number, percent: string | number | null, currency: string): string {
  const value = Number(absolute);
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const money = formatMoney(Math.abs(value), currency);
  if (percent === null) return `${sign}${money}`;
  const share = new Intl.NumberFormat(formatLocale(), { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${sign}${money} (${sign}${share.format(Math.abs(Number(percent)) / 100)})`;
}

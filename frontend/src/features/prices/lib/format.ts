import type { PriceInterval } from "@/lib/api/types";
import { formatMoney } from "@/lib/utils";

const axisFormatters = new Map<string, Intl.NumberFormat>();

/** Compact currency for the y axis: "€1,200", "$35.50" (cents only when they matter). */
export function formatAxisMoney(value: number, currency: string, span: number): string {
  const digits = span < 10 ? 2 : 0;
  const key = `${currency}|${String(digits)}`;
  let formatter = axisFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.NumberFormat(undefined, {
        style: "currency",
        currency,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
    } catch {
      formatter = new Intl.NumberFormat(undefined, { maximumFractionDigits: digits });
    }
    axisFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** A date tick: "Mar 5" for daily/weekly points, "Mar 2024" for monthly ones. */
export function formatTick(time: number, interval: PriceInterval): string {
  const options: Intl.DateTimeFormatOptions =
    interval === "month" ? { month: "short", year: "numeric", timeZone: "UTC" } : { month: "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat(undefined, options).format(time);
}

/** The tooltip's date, saying what a bucket covers. */
export function formatPointDate(time: number, interval: PriceInterval): string {
  if (interval === "raw") {
    return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(time);
  }
  if (interval === "month") {
    return new Intl.DateTimeFormat(undefined, { month: "long", year: "numeric", timeZone: "UTC" }).format(time);
  }
  const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" }).format(time);
  return interval === "week" ? `Week of ${day}` : day;
}

export function formatChange(absolute: string | number, percent: string | number | null, currency: string): string {
  const value = Number(absolute);
  const sign = value > 0 ? "+" : value < 0 ? "−" : "±";
  const money = formatMoney(Math.abs(value), currency);
  if (percent === null) return `${sign}${money}`;
  return `${sign}${money} (${sign}${Math.abs(Number(percent)).toFixed(1)}%)`;
}

/**
 * Date ticks of a time axis that cannot be misread: monthly ticks say the month and the
 * full year ("Dec 2025", never "Dec 25", which reads as 25 December); daily ticks say the
 * day and month, and the year too when the axis crosses a new year ("Dec 28, 2025",
 * "Jan 3, 2026"). In the user's locale (`formatLocale()`), on UTC days (the API's).
 */
import { formatLocale } from "@/i18n/languages";

export type TickUnit = "day" | "month";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" });
    formatters.set(key, found);
  }
  return found;
}

/** Ticks a chart spanning `first`…`last` (ms) should have: a month per tick or a day. */
export function tickUnitFor(first: number, last: number): TickUnit {
  const days = (last - first) / 86_400_000;
  return days > 120 ? "month" : "day";
}

/** The tick formatter for an axis from `first` to `last` (ms, UTC). */
export function tickFormatter(
  unit: TickUnit,
  first: number,
  last: number,
  locale: string = formatLocale(),
): (time: number) => string {
  if (unit === "month") {
    const months = formatter(locale, { month: "short", year: "numeric" });
    return (time) => months.format(time);
  }
  const crossesYear = new Date(first).getUTCFullYear() !== new Date(last).getUTCFullYear();
  const days = formatter(
    locale,
    crossesYear ? { day: "numeric", month: "short", year: "numeric" } : { day: "numeric", month: "short" },
  );
  return (time) => days.format(time);
}

/** A whole date for tooltips ("Dec 5, 2025"), in the user's locale. */
export function formatDay(time: number, locale: string = formatLocale()): string {
  return formatter(locale, { dateStyle: "medium" }).format(time);
}

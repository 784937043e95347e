import { formatLocale } from "@/i18n/languages";
import { formatMoney } from "@/lib/utils";

export type Tone = "up" | "down" | "flat";

/** The text colour of a gain, a loss, no change. */
export const TONE_CLASS: Record<Tone, string> = { up: "text-success", down: "text-destructive", flat: "text-muted-foreground" };

export function toneOf(amount: string | number | null | undefined): Tone {
  const value = Number(amount ?? 0);
  return value > 0 ? "up" : value < 0 ? "down" : "flat";
}

const SIGN: Record<Tone, string> = { up: "+", down: "−", flat: "" };

/** "+€1,234.50", "−$12.00", "€0.00". */
export function formatSignedMoney(amount: string | number, currency: string): string {
  const value = Number(amount);
  return `${SIGN[toneOf(value)]}${formatMoney(Math.abs(value), currency)}`;
}

const percentFormat = (locale: string) =>
  new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The API sends percentages as decimal strings in percent units ("12.34" = 12.34 %): "+12.3%" (en), "+12,3 %" (de). */
export function formatSignedPercent(percent: string | number | null | undefined): string {
  if (percent === null || percent === undefined || percent === "") return "—";
  const value = Number(percent);
  if (!Number.isFinite(value)) return "—";
  return `${SIGN[toneOf(value)]}${percentFormat(formatLocale()).format(Math.abs(value) / 100)}`;
}

/** A share of 100 as a whole percentage: "81%" (en), "81 %" (de). */
export const formatShare = (percent: number) =>
  new Intl.NumberFormat(formatLocale(), { style: "percent", maximumFractionDigits: 0 }).format(percent / 100);

/** "today" in the current language (Intl, numeric: auto). */
export const formatToday = () => new Intl.RelativeTimeFormat(formatLocale(), { numeric: "auto" }).format(0, "day");

/** Compact currency for chart axes: "€12K", "$1.2M". */
export function formatCompactMoney(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat(formatLocale(), { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(value);
  } catch {
    return new Intl.NumberFormat(formatLocale(), { notation: "compact", maximumFractionDigits: 1 }).format(value);
  }
}

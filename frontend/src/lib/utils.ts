import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

import { formatLocale } from "@/i18n/languages";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats a decimal string (as the API sends money) in the given ISO 4217 currency.
 * Returns an em dash when there is no amount. An unknown currency code falls back to
 * "<amount> <code>" rather than throwing.
 */
export function formatMoney(
  amount: string | number | null | undefined,
  currency: string | null | undefined,
  locale: string = formatLocale(),
): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const value = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(value)) return "—";
  const code = (currency || "").toUpperCase();
  const key = `${locale}|${code}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    try {
      formatter = code
        ? new Intl.NumberFormat(locale, { style: "currency", currency: code })
        : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    } catch {
      formatter = new Intl.NumberFormat(locale, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      });
      moneyFormatters.set(key, formatter);
      return `${formatter.format(value)} ${code}`;
    }
    moneyFormatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** A whole number the way the app's language writes it: "1,234" (en), "1.234" (de). */
export function formatCount(value: number, locale: string = formatLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** A grade or other decimal from the API ("9.5") the way the app's language writes it ("9,5" in de). */
export function formatDecimal(value: string | number | null | undefined, locale: string = formatLocale()): string {
  if (value === null || value === undefined || value === "") return "";
  const number = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(number)) return String(value);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(number);
}

/** i18next options for a count: `count` picks the plural form, `n` is the number as written ("1,234"). */
export function countOf(count: number): { count: number; n: string } {
  return { count, n: formatCount(count) };
}

/** Parses an ISO date ("2024-05-01") as a local calendar date, not UTC midnight. */
function parseDate(value: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(value);
}

export function formatDate(
  value: string | null | undefined,
  locale: string = formatLocale(),
): string {
  if (!value) return "—";
  const date = parseDate(value);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium" }).format(date);
}

export function formatDateTime(
  value: string | null | undefined,
  locale: string = formatLocale(),
): string {
  if (!value) return "—";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
    date,
  );
}

/** True for a real calendar date in ISO form (yyyy-mm-dd): 2024-02-30 is not. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

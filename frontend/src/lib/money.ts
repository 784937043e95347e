/**
 * Amounts typed by people, read the way their locale writes them: "1.250,50" and "12,50"
 * in de-DE, "1,250.50" in en-US, "1 250,50" in fr-FR, and plain "1250.50" everywhere. The
 * API takes decimal strings ("1250.50"): an amount is never a float on its way there.
 * Other typed decimals (a grade, hours, a percent) are read by the same rules, and an edit
 * form's starting values are written back the locale's way (`decimalInput`).
 */

import { i18n } from "@/i18n";
import { formatLocale } from "@/i18n/languages";

/** The largest whole part the API's amounts hold (10 digits, 2 decimals). */
const MAX_WHOLE_DIGITS = 10;

export type AmountReading = { ok: true; amount: string } | { ok: false; error: string };

/** "An amount like 12.50 (up to 2 decimals).": the example written the locale's way. */
export function amountHint(locale: string = formatLocale()): string {
  const example = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(12.5);
  return i18n.t("ui:money.hint", { example });
}

function separators(locale: string): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((p) => p.type === "group")?.value ?? ",",
    decimal: parts.find((p) => p.type === "decimal")?.value ?? ".",
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A number's digits as typed: the whole part (ungrouped) and the decimals. */
type Digits = { whole: string; fraction: string };

/**
 * The digits of a non-negative number written the locale's way (grouping allowed) or
 * plainly with a dot, at most `decimals` decimals; "" when empty, null when unreadable.
 * Anything that could mean two different numbers ("1,250.50" in de-DE) is refused.
 */
function readDigits(input: string, decimals: number, locale: string): Digits | "" | null {
  // Spaces, no-break and narrow no-break spaces (fr-FR's grouping) only ever group.
  const raw = input.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (raw === "") return "";
  const { group, decimal } = separators(locale);
  const spaceGroup = /^[\s\u00a0\u202f]$/.test(group);
  const grouped = spaceGroup ? "" : `\\d{1,3}(?:${escape(group)}\\d{3})+|`;
  // The decimals after `separator`, none at all for a whole number.
  const fraction = (separator: string) => (decimals > 0 ? `(?:${escape(separator)}(\\d{1,${String(decimals)}}))?` : "");
  const local = new RegExp(`^(${grouped}\\d+)${fraction(decimal)}$`).exec(raw);
  const plain = new RegExp(`^(\\d+)${fraction(".")}$`).exec(raw);
  const match = local ?? plain;
  if (!match) return null;
  const digits = match[1] ?? "";
  const whole = (spaceGroup ? digits : digits.split(group).join("")).replace(/^0+(?=\d)/, "");
  return { whole, fraction: match[2] ?? "" };
}

/** The amount as the API's decimal string, or why it cannot be read. */
export function readAmount(input: string, locale: string = formatLocale()): AmountReading {
  const digits = readDigits(input, 2, locale);
  if (digits === "") return { ok: false, error: i18n.t("ui:money.empty") };
  if (digits === null) return { ok: false, error: amountHint(locale) };
  if (digits.whole.length > MAX_WHOLE_DIGITS) return { ok: false, error: i18n.t("ui:money.tooLarge") };
  return { ok: true, amount: `${digits.whole}.${digits.fraction.padEnd(2, "0")}` };
}

/**
 * A number that is not money (a grade "9,5", hours "1,5", a percent), read like an amount
 * with at most `decimals` decimals: the API's decimal string ("9.5"), or null when empty
 * or unreadable. The caller checks the range and says what it expects.
 */
export function readDecimal(input: string, decimals: number, locale: string = formatLocale()): string | null {
  const digits = readDigits(input, decimals, locale);
  if (!digits) return null;
  return digits.fraction ? `${digits.whole}.${digits.fraction}` : digits.whole;
}

/**
 * An API decimal ("41.50", or a number) as a form field's starting value in the locale
 * ("41,50" in de-DE), so an edit form shows what the user would type. Only the separator
 * changes (exact, no float rounding) and there is no grouping: it reads back unchanged.
 */
export function decimalInput(value: string | number | null | undefined, locale: string = formatLocale()): string {
  if (value === null || value === undefined || value === "") return "";
  const text = String(value);
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  return text.replace(".", separators(locale).decimal);
}

/** A placeholder amount ("0.00", "0,00" in de-DE) in the locale's writing. */
export function amountExample(value: number = 0, locale: string = formatLocale()): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

/** For a form field that may stay empty: true when empty or readable. */
export function isAmountOrEmpty(input: string, locale?: string): boolean {
  return input.trim() === "" || readAmount(input, locale).ok;
}

/** The API's string for a field that may stay empty (null when empty). */
export function amountOrNull(input: string, locale?: string): string | null {
  const reading = readAmount(input, locale);
  return reading.ok ? reading.amount : null;
}

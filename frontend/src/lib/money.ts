/**
 * Amounts typed by people, read the way their locale writes them: "1.250,50" and "12,50"
 * in de-DE, "1,250.50" in en-US, "1 250,50" in fr-FR, and plain "1250.50" everywhere. The
 * API takes decimal strings ("1250.50"): an amount is never a float on its way there.
 */

import { i18n } from "@/i18n";
import { formatLocale } from "@/i18n/languages";

/** The largest whole part the API's amounts hold (10 digits, 2 decimals). */
const MAX_WHOLE_DIGITS = 10;

export type AmountReading = { ok: true; amount: string } | { ok: false; error: string };

/** The hint in English; `amountHint()` gives it in the app's language and number format. */
export const AMOUNT_HINT = "An amount like 12.50 (up to 2 decimals).";

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


/**
 * The amount as the API's decimal string, or why it cannot be read. Anything that could
 * mean two different amounts ("1,250.50" in de-DE) is refused, not guessed.
 */
export function readAmount(input: string, locale: string = formatLocale()): AmountReading {
  // Spaces, no-break and narrow no-break spaces (fr-FR's grouping) only ever group.
  const raw = input.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (raw === "") return { ok: false, error: i18n.t("ui:money.empty") };
  const { group, decimal } = separators(locale);
  const spaceGroup = /^[\s\u00a0\u202f]$/.test(group);
  const grouped = spaceGroup ? "" : `\\d{1,3}(?:${escape(group)}\\d{3})+|`;
  const local = new RegExp(`^(${grouped}\\d+)(?:${escape(decimal)}(\\d{1,2}))?$`).exec(raw);
  const plain = /^(\d+)(?:\.(\d{1,2}))?$/.exec(raw);
  const match = local ?? plain;
  if (!match) return { ok: false, error: amountHint(locale) };
  const digits = match[1] ?? "";
  const whole = (spaceGroup ? digits : digits.split(group).join("")).replace(/^0+(?=\d)/, "");
  if (whole.length > MAX_WHOLE_DIGITS) return { ok: false, error: i18n.t("ui:money.tooLarge") };
  const cents = (match[2] ?? "").padEnd(2, "0");
  return { ok: true, amount: `${whole}.${cents}` };
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

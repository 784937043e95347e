import type { TFunction } from "i18next";

import { i18n } from "@/i18n";
import { formatLocale } from "@/i18n/languages";
import { amountExample, amountOrNull, decimalInput, readAmount, readDecimal } from "@/lib/money";
import { formatMoney } from "@/lib/utils";
import { z } from "@/lib/zod";

import type { AlertKind, AlertRule, AlertRuleRequest } from "@/lib/api/types";

/** What a kind of rule asks for. Its label and help are `alerts:kinds.<kind>.label|help`. */
interface KindInfo {
  /** The fields the form shows and sends for it. */
  needs: { target?: true; percent?: true; window?: true };
  /** Collection value is about the whole vendor, never one item. */
  vendorOnly?: true;
}

export const ALERT_KINDS: Record<AlertKind, KindInfo> = {
  price_at_or_below: { needs: { target: true } },
  drop_percent: { needs: { percent: true, window: true } },
  all_time_low: { needs: {} },
  back_in_stock: { needs: {} },
  collection_value_change: { needs: { percent: true }, vendorOnly: true },
  tracker_paused: { needs: {} },
};

/** The translation of a validation message, looked up when the form is checked. */
const message = (key: "collection" | "currency" | "percent" | "days") => i18n.t(`alerts:validation.${key}`);
const targetPriceMessage = () => i18n.t("alerts:validation.targetPrice", { example: amountExample(39.99) });

const KIND_VALUES = Object.keys(ALERT_KINDS) as [AlertKind, ...AlertKind[]];

/** A percent as the locale writes it ("12,5" in German), up to 2 decimals, above 0 and at most 100. */
function isPercent(input: string): boolean {
  const percent = Number(readDecimal(input, 2) ?? Number.NaN);
  return percent > 0 && percent <= 100;
}

export const ruleFormSchema = z
  .object({
    kind: z.enum(KIND_VALUES),
    vendor: z.string().min(1, { error: () => message("collection") }),
    /** "" = every item of the vendor. */
    collectible: z.string(),
    target_amount: z.string().trim(),
    target_currency: z.string().trim().toUpperCase(),
    percent: z.string().trim(),
    window_days: z.string().trim(),
    enabled: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const { needs } = ALERT_KINDS[v.kind];
    if (needs.target) {
      if (!readAmount(v.target_amount).ok) ctx.addIssue({ code: "custom", path: ["target_amount"], message: targetPriceMessage() });
      if (!/^[A-Z]{3}$/.test(v.target_currency)) ctx.addIssue({ code: "custom", path: ["target_currency"], message: message("currency") });
    }
    if (needs.percent && !isPercent(v.percent)) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: message("percent") });
    }
    if (needs.window && !/^\d+$/.test(v.window_days)) {
      ctx.addIssue({ code: "custom", path: ["window_days"], message: message("days") });
    }
  });

export type RuleFormValues = z.infer<typeof ruleFormSchema>;

export function ruleFormValues(rule: AlertRule | undefined, defaults: { vendor: number | null; currency: string; collectible?: number | null }): RuleFormValues {
  return {
    kind: rule?.kind ?? "price_at_or_below",
    vendor: String(rule?.vendor ?? defaults.vendor ?? ""),
    collectible: rule ? (rule.collectible === null ? "" : String(rule.collectible)) : defaults.collectible ? String(defaults.collectible) : "",
    // Decimals written the locale's way ("41,50" in German); toRuleRequest reads them back.
    target_amount: decimalInput(rule?.target_amount),
    target_currency: rule?.target_currency || defaults.currency,
    percent: decimalInput(rule?.percent),
    window_days: rule?.window_days === null || rule?.window_days === undefined ? "7" : String(rule.window_days),
    enabled: rule?.enabled ?? true,
  };
}

export function toRuleRequest(v: RuleFormValues): AlertRuleRequest {
  const { needs, vendorOnly } = ALERT_KINDS[v.kind];
  return {
    kind: v.kind,
    vendor: Number(v.vendor),
    collectible: vendorOnly || v.collectible === "" ? null : Number(v.collectible),
    target_amount: needs.target ? amountOrNull(v.target_amount) : null,
    target_currency: needs.target ? v.target_currency : "",
    percent: needs.percent ? readDecimal(v.percent, 2) : null,
    window_days: needs.window ? Number(v.window_days) : null,
    enabled: v.enabled,
  };
}

/** A rule's percent in the locale's writing ("12,5" in German, no trailing zeros). */
const formatPercentNumber = (percent: string | null | undefined) =>
  percent ? new Intl.NumberFormat(formatLocale(), { maximumFractionDigits: 2 }).format(Number(percent)) : "?";

/** One line saying what a rule watches for ("Price at or below 40.00 EUR", "40,00 EUR" in German). */
export function describeRule(
  rule: Pick<AlertRule, "kind" | "target_amount" | "target_currency" | "percent" | "window_days">,
  t: TFunction<"alerts">,
): string {
  switch (rule.kind) {
    case "price_at_or_below":
      return t("describe.priceAtOrBelow", { amount: rule.target_amount ? formatMoney(rule.target_amount, null) : "?", currency: rule.target_currency });
    case "drop_percent":
      return t("describe.dropPercent", { count: rule.window_days ?? 0, percent: formatPercentNumber(rule.percent), days: String(rule.window_days ?? "?") });
    case "collection_value_change":
      return t("describe.collectionValue", { percent: formatPercentNumber(rule.percent) });
    default:
      return t(`kinds.${rule.kind}.label`);
  }
}

/** The rule a want added with "alert me when it is at or below my max price" gets: a
 * `price_at_or_below` rule on the item at its maximum price (currency blank: the vendor's). */
export function maxPriceRule(item: { id: number; max_price?: string | null; max_price_currency?: string }): AlertRuleRequest | null {
  if (!item.max_price) return null;
  return {
    kind: "price_at_or_below",
    collectible: item.id,
    target_amount: item.max_price,
    target_currency: item.max_price_currency ?? "",
    enabled: true,
  };
}

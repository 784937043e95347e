import type { TFunction } from "i18next";

import { i18n } from "@/i18n";
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
const message = (key: "collection" | "targetPrice" | "currency" | "percent" | "days") => i18n.t(`alerts:validation.${key}`);

const KIND_VALUES = Object.keys(ALERT_KINDS) as [AlertKind, ...AlertKind[]];
const decimal = /^\d+(\.\d{1,2})?$/;

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
      if (!decimal.test(v.target_amount)) ctx.addIssue({ code: "custom", path: ["target_amount"], message: message("targetPrice") });
      if (!/^[A-Z]{3}$/.test(v.target_currency)) ctx.addIssue({ code: "custom", path: ["target_currency"], message: message("currency") });
    }
    if (needs.percent && (!decimal.test(v.percent) || Number(v.percent) <= 0 || Number(v.percent) > 100)) {
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
    target_amount: rule?.target_amount ?? "",
    target_currency: rule?.target_currency || defaults.currency,
    percent: rule?.percent ?? "",
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
    target_amount: needs.target ? v.target_amount : null,
    target_currency: needs.target ? v.target_currency : "",
    percent: needs.percent ? v.percent : null,
    window_days: needs.window ? Number(v.window_days) : null,
    enabled: v.enabled,
  };
}

/** One line saying what a rule watches for ("Price at or below 40.00 EUR"). */
export function describeRule(
  rule: Pick<AlertRule, "kind" | "target_amount" | "target_currency" | "percent" | "window_days">,
  t: TFunction<"alerts">,
): string {
  switch (rule.kind) {
    case "price_at_or_below":
      return t("describe.priceAtOrBelow", { amount: rule.target_amount ?? "?", currency: rule.target_currency });
    case "drop_percent":
      return t("describe.dropPercent", { count: rule.window_days ?? 0, percent: rule.percent ?? "?", days: String(rule.window_days ?? "?") });
    case "collection_value_change":
      return t("describe.collectionValue", { percent: rule.percent ?? "?" });
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

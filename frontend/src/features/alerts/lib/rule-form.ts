import { z } from "@/lib/zod";

import type { AlertKind, AlertRule, AlertRuleRequest } from "@/lib/api/types";

interface KindInfo {
  label: string;
  /** What the rule says, for the list ("Price at or below 40.00 EUR"). */
  needs: { target?: true; percent?: true; window?: true };
  /** Collection value is about the whole vendor, never one item. */
  vendorOnly?: true;
  help: string;
}

export const ALERT_KINDS: Record<AlertKind, KindInfo> = {
  price_at_or_below: { label: "Price at or below", needs: { target: true }, help: "Fires when an observed price is at or under your target." },
  drop_percent: { label: "Price drop", needs: { percent: true, window: true }, help: "Fires when the price falls by at least X % within N days." },
  all_time_low: { label: "New all-time low", needs: {}, help: "Fires when a price is lower than any seen before." },
  back_in_stock: { label: "Back in stock", needs: {}, help: "Fires when a source that was out of stock has the item again." },
  collection_value_change: { label: "Collection value moved", needs: { percent: true }, vendorOnly: true, help: "Fires when the whole collection's value moves by X % in a day." },
  tracker_paused: { label: "Tracker paused", needs: {}, help: "Fires when a tracker is paused after repeated failures, so broken trackers are not silent." },
};

const KIND_VALUES = Object.keys(ALERT_KINDS) as [AlertKind, ...AlertKind[]];
const decimal = /^\d+(\.\d{1,2})?$/;

export const ruleFormSchema = z
  .object({
    kind: z.enum(KIND_VALUES),
    vendor: z.string().min(1, "Choose a collection."),
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
      if (!decimal.test(v.target_amount)) ctx.addIssue({ code: "custom", path: ["target_amount"], message: "Enter the target price, e.g. 40 or 39.99." });
      if (!/^[A-Z]{3}$/.test(v.target_currency)) ctx.addIssue({ code: "custom", path: ["target_currency"], message: "Use a 3-letter currency code." });
    }
    if (needs.percent && (!decimal.test(v.percent) || Number(v.percent) <= 0 || Number(v.percent) > 100)) {
      ctx.addIssue({ code: "custom", path: ["percent"], message: "Enter a percentage between 0 and 100." });
    }
    if (needs.window && !/^\d+$/.test(v.window_days)) {
      ctx.addIssue({ code: "custom", path: ["window_days"], message: "Enter a number of days." });
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

/** One line saying what a rule watches for. */
export function describeRule(rule: Pick<AlertRule, "kind" | "target_amount" | "target_currency" | "percent" | "window_days">): string {
  switch (rule.kind) {
    case "price_at_or_below":
      return `Price at or below ${rule.target_amount ?? "?"} ${rule.target_currency}`;
    case "drop_percent":
      return `Drops ${rule.percent ?? "?"} % within ${String(rule.window_days ?? "?")} days`;
    case "collection_value_change":
      return `Collection value moves ${rule.percent ?? "?"} %`;
    default:
      return ALERT_KINDS[rule.kind].label;
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

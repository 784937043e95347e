import type { TFunction } from "i18next";

import type { PriceCondition, PriceSource, TrackerSource, TrackerStatus } from "@/lib/api/types";
import { COMPLETENESS, CONDITIONS, labelOf } from "@/lib/choices";

/** `t` of the "prices" namespace: every label below is looked up in it. */
export type PricesT = TFunction<"prices">;

// The vocabularies mirror the backend's choices (price_history/models.py); their words
// are in the "prices" namespace (trackerSources, priceSources, conditions), but for the
// conditions an item has too, named once with the item's ("ui:choices").
export const TRACKER_SOURCES: readonly TrackerSource[] = [
  "structured",
  "css",
  "pricecharting",
  "ebay",
  "cardmarket",
  "discogs",
  "ebay_api",
];

const PRICE_SOURCES: readonly PriceSource[] = [...TRACKER_SOURCES, "manual"];

/** The conditions an item has too (its grade, then how complete it is). */
const ITEM_CONDITIONS = [...CONDITIONS, ...COMPLETENESS];

/** The conditions only price pages have (PriceCharting's graded columns). */
const GRADED_CONDITIONS = [
  "graded",
  "ungraded",
  "grade_7",
  "grade_8",
  "grade_9",
  "grade_9_5",
  "psa_10",
  "bgs_10",
  "cgc_10",
  "sgc_10",
] as const satisfies readonly PriceCondition[];

export const PRICE_CONDITIONS: readonly PriceCondition[] = [...ITEM_CONDITIONS.map((c) => c.value), ...GRADED_CONDITIONS];

const isIn = <T extends string>(list: readonly T[], value: string | null | undefined): value is T =>
  (list as readonly (string | null | undefined)[]).includes(value);

/** The conditions a source's pages have, where it is a fixed set (PriceCharting's price
 * columns, scraper/sources/pricecharting.py: games, then cards). Others: any. */
export const SOURCE_CONDITIONS: Partial<Record<TrackerSource, readonly PriceCondition[]>> = {
  pricecharting: ["loose", "cib", "new", "graded", "ungraded", "grade_7", "grade_8", "grade_9", "grade_9_5", "psa_10"],
};

/** The source "Automatic" will pick for an address, where it matters for the conditions
 * offered (the backend decides: `gateway.source_for`). */
export function sourceOfAddress(url: string): TrackerSource | "" {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === "pricecharting.com" || host.endsWith(".pricecharting.com") ? "pricecharting" : "";
  } catch {
    return "";
  }
}

const CARD_GRADES: readonly string[] = ["mint", "near_mint", "excellent", "good", "played", "poor"];

/** The conditions to offer for `source` ("" = automatic: every condition). */
export function conditionsFor(source: string): readonly PriceCondition[] {
  const allowed = SOURCE_CONDITIONS[source as TrackerSource];
  return allowed ? PRICE_CONDITIONS.filter((c) => allowed.includes(c)) : PRICE_CONDITIONS;
}

/**
 * The condition a new tracker of `source` starts with: the item's own when the source's
 * pages have it; on PriceCharting, the column that stands for it (an ungraded card for a
 * raw card's grade, "New" for a sealed item, else a loose game).
 */
export function startingCondition(source: string, itemCondition: string | null | undefined): PriceCondition | "" {
  const allowed = SOURCE_CONDITIONS[source as TrackerSource];
  const known = isIn(PRICE_CONDITIONS, itemCondition) ? itemCondition : undefined;
  if (!allowed) return known ?? "";
  if (known && allowed.includes(known)) return known;
  if (itemCondition && CARD_GRADES.includes(itemCondition)) return "ungraded";
  if (itemCondition === "sealed") return "new";
  return allowed[0] ?? "";
}

/** A code this app has no label for yet ("grade_6"), in words ("Grade 6"): never the code. */
export function humanize(code: string): string {
  const words = code.replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : code;
}

/** A condition in words ("any condition" when there is none). */
export function conditionLabel(condition: string | null | undefined, t: PricesT): string {
  if (!condition) return t("labels.anyCondition");
  if (ITEM_CONDITIONS.some((c) => c.value === condition)) return labelOf(ITEM_CONDITIONS, condition, t);
  return isIn(GRADED_CONDITIONS, condition) ? t(`conditions.${condition}`) : humanize(condition);
}

/** Where a recorded price came from ("Shop page", "Entered by hand"). */
export function sourceLabel(source: string, t: PricesT): string {
  return isIn(PRICE_SOURCES, source) ? t(`priceSources.${source}`) : humanize(source);
}

/** A tracker's source as offered when setting one up ("Shop page (structured)"). */
export function trackerSourceLabel(source: string, t: PricesT): string {
  return isIn(TRACKER_SOURCES, source) ? t(`trackerSources.label.${source}`) : sourceLabel(source, t);
}

export function trackerSourceDescription(source: TrackerSource, t: PricesT): string {
  return t(`trackerSources.description.${source}`);
}

/** "PriceCharting · Loose" — how a series is named in legends, tooltips and summaries. */
export function seriesLabel(series: { source: string; condition: string }, t: PricesT): string {
  return t("labels.series", { source: sourceLabel(series.source, t), condition: conditionLabel(series.condition, t) });
}

export function trackerStatusLabel(status: TrackerStatus, t: PricesT): { label: string; description: string } {
  return { label: t(`trackerStatus.${status}.label`), description: t(`trackerStatus.${status}.description`) };
}

/** Failure kinds from the scraper (scraper/types.py FailureKind); their words are in "failures". */
const FAILURE_KINDS = [
  "robots_disallowed",
  "forbidden_address",
  "http_error",
  "rate_limited",
  "timeout",
  "too_large",
  "not_html",
  "no_price_found",
  "ambiguous_prices",
  "out_of_stock",
  "selector_not_found",
  "internal_error",
] as const;

export function failureSentence(kind: string | null | undefined, t: PricesT): string {
  return isIn(FAILURE_KINDS, kind) ? t(`failures.${kind}`) : t("labels.checkFailed");
}

/** "every 6 hours", "every day", "every 3 days". */
export function intervalLabel(minutes: number | undefined, t: PricesT): string {
  const m = minutes ?? 24 * 60;
  if (m % (24 * 60) === 0) {
    const days = m / (24 * 60);
    return days === 7 ? t("interval.week") : t("interval.days", { count: days });
  }
  if (m % 60 === 0) return t("interval.hours", { count: m / 60 });
  return t("interval.minutes", { count: m });
}

import { CATEGORIES, CONDITIONS, LANGUAGES, MARKET_REGIONS, labelOf, type Choice } from "@/lib/choices";
import { formatDate } from "@/lib/utils";

import { parseFilters, type CollectibleFilters } from "./filters";
import { DEFAULT_ORDERING, orderingLabel, statusChoices, valueBasisChoices, type CollectiblesT } from "./list-options";

/** The date filters; each one's label is `t("filters.dateField.<key>")`. */
export const DATE_FIELDS = [
  { key: "purchase_date_after" },
  { key: "purchase_date_before" },
  { key: "release_date_after" },
  { key: "release_date_before" },
] as const;

type MultiKey = "category" | "condition" | "language" | "market_region" | "value_basis" | "status";

export interface FilterDescription {
  key: string;
  /** In words: "Trading card", "No value yet", "#graded". */
  label: string;
  /** The change that takes this one filter off. */
  clear: Partial<CollectibleFilters>;
}

/** Each active filter in words: the list's chips, a saved view's summary. */
export function describeFilters(filters: CollectibleFilters, t: CollectiblesT): FilterDescription[] {
  const described: FilterDescription[] = [];
  const multi: [MultiKey, Choice<string>[]][] = [
    ["category", CATEGORIES],
    ["condition", CONDITIONS],
    ["language", LANGUAGES],
    ["market_region", MARKET_REGIONS],
    ["value_basis", valueBasisChoices(t)],
    ["status", statusChoices(t)],
  ];
  for (const [key, choices] of multi) {
    const values = filters[key] as string[];
    for (const value of values) {
      described.push({ key: `${key}:${value}`, label: labelOf(choices, value, t), clear: { [key]: values.filter((v) => v !== value) } });
    }
  }
  const chip = (key: "priced" | "unpriced" | "stale" | "fresh") => t(`filters.chip.${key}`);
  if (filters.priced !== null) described.push({ key: "priced", label: chip(filters.priced ? "priced" : "unpriced"), clear: { priced: null } });
  if (filters.stale !== null) described.push({ key: "stale", label: chip(filters.stale ? "stale" : "fresh"), clear: { stale: null } });
  if (filters.tag) described.push({ key: "tag", label: t("filters.chip.tag", { tag: filters.tag }), clear: { tag: "" } });
  if (filters.location) described.push({ key: "location", label: t("filters.chip.location", { location: filters.location }), clear: { location: "" } });
  for (const field of DATE_FIELDS) {
    const day = filters[field.key];
    if (day) {
      const label = t("filters.chip.date", { field: t(`filters.dateField.${field.key}`), date: formatDate(day) });
      described.push({ key: field.key, label, clear: { [field.key]: "" } });
    }
  }
  return described;
}

/**
 * A list query (the URL's parameters) in words, its sort included: what a saved view keeps.
 * `vendorName` names the collection a view is narrowed to.
 */
export function describeListQuery(params: URLSearchParams, t: CollectiblesT, vendorName?: (id: number) => string | undefined): string[] {
  const filters = parseFilters(params);
  const words = describeFilters(filters, t).map((d) => d.label);
  if (filters.vendor !== null) {
    words.unshift(t("filters.chip.collection", { name: vendorName?.(filters.vendor) ?? `#${String(filters.vendor)}` }));
  }
  if (filters.ordering !== DEFAULT_ORDERING) words.push(t("filters.chip.sorted", { ordering: orderingLabel(filters.ordering, t) }));
  return words;
}

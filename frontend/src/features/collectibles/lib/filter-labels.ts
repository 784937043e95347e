import { CATEGORIES, CONDITIONS, LANGUAGES, MARKET_REGIONS, labelOf } from "@/lib/choices";
import { formatDate } from "@/lib/utils";

import { parseFilters, type CollectibleFilters } from "./filters";
import { DEFAULT_ORDERING, ORDERINGS, STATUSES, VALUE_BASES } from "./list-options";

export const DATE_FIELDS = [
  { key: "purchase_date_after", label: "Purchased from" },
  { key: "purchase_date_before", label: "Purchased until" },
  { key: "release_date_after", label: "Card released from" },
  { key: "release_date_before", label: "Card released until" },
] as const;

export interface FilterDescription {
  key: string;
  /** In words: "Trading card", "No value yet", "#graded". */
  label: string;
  /** The change that takes this one filter off. */
  clear: Partial<CollectibleFilters>;
}

/** Each active filter in words: the list's chips, a saved view's summary. */
export function describeFilters(filters: CollectibleFilters): FilterDescription[] {
  const described: FilterDescription[] = [];
  const multi = [
    ["category", CATEGORIES],
    ["condition", CONDITIONS],
    ["language", LANGUAGES],
    ["market_region", MARKET_REGIONS],
    ["value_basis", VALUE_BASES],
    ["status", STATUSES],
  ] as const;
  for (const [key, choices] of multi) {
    const values = filters[key] as string[];
    for (const value of values) {
      described.push({ key: `${key}:${value}`, label: labelOf(choices, value), clear: { [key]: values.filter((v) => v !== value) } });
    }
  }
  if (filters.priced !== null) described.push({ key: "priced", label: filters.priced ? "Has a value" : "No value yet", clear: { priced: null } });
  if (filters.stale !== null) described.push({ key: "stale", label: filters.stale ? "Stale price" : "Fresh price", clear: { stale: null } });
  if (filters.tag) described.push({ key: "tag", label: `#${filters.tag}`, clear: { tag: "" } });
  if (filters.location) described.push({ key: "location", label: `In ${filters.location}`, clear: { location: "" } });
  for (const field of DATE_FIELDS) {
    const day = filters[field.key];
    if (day) described.push({ key: field.key, label: `${field.label} ${formatDate(day)}`, clear: { [field.key]: "" } });
  }
  return described;
}

/**
 * A list query (the URL's parameters) in words, its sort included: what a saved view keeps.
 * `vendorName` names the collection a view is narrowed to.
 */
export function describeListQuery(params: URLSearchParams, vendorName?: (id: number) => string | undefined): string[] {
  const filters = parseFilters(params);
  const words = describeFilters(filters).map((d) => d.label);
  if (filters.vendor !== null) words.unshift(`Collection: ${vendorName?.(filters.vendor) ?? `#${String(filters.vendor)}`}`);
  if (filters.ordering !== DEFAULT_ORDERING) {
    words.push(`Sorted: ${ORDERINGS.find((o) => o.value === filters.ordering)?.label ?? filters.ordering}`);
  }
  return words;
}

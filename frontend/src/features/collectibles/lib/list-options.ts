import type { TFunction } from "i18next";

import type { CollectiblePriority, CollectibleStatus, ItemValue } from "@/lib/api/types";
import type { Choice } from "@/lib/choices";

/** `t` of the "collectibles" namespace: the list's own labels are looked up with it. */
export type CollectiblesT = TFunction<"collectibles">;

/** Sort options the API accepts (`ordering`), newest first by default; `key` names the label. */
export const ORDERINGS = [
  { value: "-created_at", key: "newest" },
  { value: "created_at", key: "oldest" },
  { value: "name", key: "nameAsc" },
  { value: "-name", key: "nameDesc" },
  { value: "-value", key: "valueDesc" },
  { value: "value", key: "valueAsc" },
  { value: "-gain", key: "gainDesc" },
  { value: "gain", key: "gainAsc" },
  { value: "-purchase_price", key: "paidDesc" },
  { value: "purchase_price", key: "paidAsc" },
  { value: "-purchase_date", key: "purchasedNewest" },
  { value: "purchase_date", key: "purchasedOldest" },
] as const;

export type Ordering = (typeof ORDERINGS)[number]["value"];
export const DEFAULT_ORDERING: Ordering = "-created_at";

/** An ordering field without its direction: what a sortable column header sorts by. */
export type SortField = Exclude<Ordering, `-${string}`>;

/** A header's click: its first direction (money and dates: highest first), then the other. */
export function nextOrdering(current: Ordering, field: SortField, first: "asc" | "desc"): Ordering {
  if (current === field) return `-${field}` as Ordering;
  if (current === `-${field}`) return field;
  return first === "desc" ? (`-${field}` as Ordering) : field;
}

export function sortDirection(current: Ordering, field: SortField): "ascending" | "descending" | undefined {
  if (current === field) return "ascending";
  if (current === `-${field}`) return "descending";
  return undefined;
}

export type ValueBasis = ItemValue["basis"];

/** A sort option in words ("Value: high to low"); the value itself when unknown. */
export function orderingLabel(value: string, t: CollectiblesT): string {
  const ordering = ORDERINGS.find((o) => o.value === value);
  return ordering ? t(`ordering.${ordering.key}`) : value;
}

/** Where an item's value comes from (docs/valuation.md), in the order they are tried.
 * The labels are English; `valueBasisChoices(t)` gives them in the app's language. */
export const VALUE_BASES: Choice<ValueBasis>[] = [
  { value: "observed", label: "Market price" },
  { value: "manual", label: "Manual price" },
  { value: "purchase", label: "Purchase price" },
  { value: "none", label: "No price" },
];

export const STATUSES: Choice<CollectibleStatus>[] = [
  { value: "owned", label: "Owned" },
  { value: "sold", label: "Sold" },
  { value: "wanted", label: "Wanted" },
];

/** The API's priorities, 1 (highest) to 5 (lowest), and the words for them. */
const PRIORITY_WORDS = { 1: "highest", 2: "high", 3: "normal", 4: "low", 5: "lowest" } as const;
const PRIORITY_VALUES = ["1", "2", "3", "4", "5"] as const;

export function valueBasisChoices(t: CollectiblesT): Choice<ValueBasis>[] {
  return VALUE_BASES.map((c) => ({ value: c.value, label: t(`valueBasis.${c.value}`) }));
}

export function statusChoices(t: CollectiblesT): Choice<CollectibleStatus>[] {
  return STATUSES.map((c) => ({ value: c.value, label: t(`status.${c.value}`) }));
}

/** A want's priority in a word: "High". */
export function priorityLabel(priority: CollectiblePriority | null | undefined, t: CollectiblesT): string {
  return t(`priority.${PRIORITY_WORDS[priority ?? 3]}`);
}

/** The priority select's options: "1 · highest" … "5 · lowest". */
export function priorityChoices(t: CollectiblesT): Choice<(typeof PRIORITY_VALUES)[number]>[] {
  return PRIORITY_VALUES.map((value) => ({ value, label: t(`priorityOption.${PRIORITY_WORDS[value]}`) }));
}

import type { CollectiblePriority, CollectibleStatus, ItemValue } from "@/lib/api/types";
import type { Choice } from "@/lib/choices";

/** Sort options the API accepts (`ordering`), newest first by default. */
export const ORDERINGS = [
  { value: "-created_at", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-value", label: "Value: high to low" },
  { value: "value", label: "Value: low to high" },
  { value: "-gain", label: "Gain: high to low" },
  { value: "gain", label: "Gain: low to high" },
  { value: "-purchase_price", label: "Paid: high to low" },
  { value: "purchase_price", label: "Paid: low to high" },
  { value: "-purchase_date", label: "Purchased: newest" },
  { value: "purchase_date", label: "Purchased: oldest" },
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

/** Where an item's value comes from (docs/valuation.md), in the order they are tried. */
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

export const PRIORITY_LABELS: Record<CollectiblePriority, string> = { 1: "Highest", 2: "High", 3: "Normal", 4: "Low", 5: "Lowest" };

export const PRIORITIES: Choice<"1" | "2" | "3" | "4" | "5">[] = [
  { value: "1", label: "1 · highest" },
  { value: "2", label: "2 · high" },
  { value: "3", label: "3 · normal" },
  { value: "4", label: "4 · low" },
  { value: "5", label: "5 · lowest" },
];

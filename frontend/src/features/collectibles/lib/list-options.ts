import type { ItemValue } from "@/lib/api/types";
import type { Choice } from "@/lib/choices";

/** Sort options the API accepts (`ordering`), newest first by default. */
export const ORDERINGS = [
  { value: "-created_at", label: "Newest first" },
  { value: "created_at", label: "Oldest first" },
  { value: "name", label: "Name A–Z" },
  { value: "-name", label: "Name Z–A" },
  { value: "-purchase_price", label: "Price: high to low" },
  { value: "purchase_price", label: "Price: low to high" },
  { value: "-purchase_date", label: "Purchased: newest" },
  { value: "purchase_date", label: "Purchased: oldest" },
] as const;

export type Ordering = (typeof ORDERINGS)[number]["value"];
export const DEFAULT_ORDERING: Ordering = "-created_at";

export type ValueBasis = ItemValue["basis"];

/** Where an item's value comes from (docs/valuation.md), in the order they are tried. */
export const VALUE_BASES: Choice<ValueBasis>[] = [
  { value: "observed", label: "Market price" },
  { value: "manual", label: "Manual price" },
  { value: "purchase", label: "Purchase price" },
  { value: "none", label: "No price" },
];

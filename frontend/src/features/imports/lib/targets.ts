import { CONDITIONS } from "@/lib/choices";

/**
 * The fields a column can fill (mirrors the backend's `imports/fields.py` TARGETS); any
 * `external_ids.<marketplace>` is accepted too.
 */
export const TARGET_GROUPS: { label: string; targets: { value: string; label: string }[] }[] = [
  {
    label: "Item",
    targets: [
      { value: "name", label: "Name" },
      { value: "category", label: "Category" },
      { value: "set_name", label: "Set / series" },
      { value: "number", label: "Number" },
      { value: "condition", label: "Condition" },
      { value: "completeness", label: "Completeness" },
      { value: "grader", label: "Grader" },
      { value: "grade", label: "Grade" },
      { value: "cert_number", label: "Certificate number" },
      { value: "quantity", label: "Quantity" },
      { value: "location", label: "Location" },
      { value: "notes", label: "Notes" },
      { value: "tags", label: "Tags" },
    ],
  },
  {
    label: "Purchase and sale",
    targets: [
      { value: "purchase_price", label: "Purchase price" },
      { value: "purchase_currency", label: "Purchase currency" },
      { value: "purchase_date", label: "Purchase date" },
      { value: "purchase_fees", label: "Purchase fees" },
      { value: "purchase_shipping", label: "Purchase shipping" },
      { value: "status", label: "Status" },
      { value: "sale_price", label: "Sale price" },
      { value: "sale_currency", label: "Sale currency" },
      { value: "sale_date", label: "Sale date" },
      { value: "sale_fees", label: "Sale fees" },
    ],
  },
  {
    label: "Card details",
    targets: [
      { value: "card_details.game", label: "Game" },
      { value: "card_details.language", label: "Language" },
      { value: "card_details.market_region", label: "Market region" },
      { value: "card_details.rarity", label: "Rarity" },
      { value: "card_details.finish", label: "Finish" },
      { value: "card_details.release_date", label: "Release date" },
      { value: "card_details.set_code", label: "Set code" },
    ],
  },
  {
    label: "Marketplaces and tracking",
    targets: [
      { value: "external_ids.discogs", label: "Discogs id" },
      { value: "external_ids.pricecharting", label: "PriceCharting id" },
      { value: "external_ids.tcgplayer", label: "TCGplayer id" },
      { value: "tracker_url", label: "Tracker URL" },
    ],
  },
];

const LABELS = new Map(TARGET_GROUPS.flatMap((g) => g.targets.map((t) => [t.value, t.label] as const)));

export function targetLabel(value: string): string {
  if (LABELS.has(value)) return LABELS.get(value) ?? value;
  return value.startsWith("external_ids.") ? `${value.slice("external_ids.".length)} id` : value;
}

/** Targets the job maps to that the list above does not name (another marketplace's id). */
export function extraTargets(mapping: Record<string, string | null>): string[] {
  return [...new Set(Object.values(mapping).filter((t): t is string => !!t && !LABELS.has(t)))];
}

/** What a "condition" value map may send a cell's text to. */
export const CONDITION_VALUES = CONDITIONS;

export const PROFILE_LABELS: Record<string, string> = {
  discogs: "a Discogs collection export",
  pricecharting: "a PriceCharting collection export",
  generic: "a generic collection sheet",
};

/** A preview cell as text: lists joined, objects (card details) left to their own columns. */
export function cellText(value: unknown): string {
  if (Array.isArray(value)) return value.map(cellText).filter(Boolean).join(", ");
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

import type {
  Category,
  Completeness,
  Condition,
  Finish,
  Grader,
  ItemValue,
  Language,
  MarketRegion,
} from "@/lib/api/types";

export interface Choice<T extends string> {
  value: T;
  label: string;
}

// Labels mirror the backend's choices (see api_schema.json enum descriptions).
export const CATEGORIES: Choice<Category>[] = [
  { value: "trading_card", label: "Trading card" },
  { value: "video_game", label: "Video game" },
  { value: "vinyl", label: "Vinyl" },
  { value: "comic", label: "Comic" },
  { value: "coin", label: "Coin" },
  { value: "figure", label: "Figure" },
  { value: "other", label: "Other" },
];

export const CONDITIONS: Choice<Condition>[] = [
  { value: "sealed", label: "Sealed" },
  { value: "mint", label: "Mint" },
  { value: "near_mint", label: "Near mint" },
  { value: "excellent", label: "Excellent" },
  { value: "good", label: "Good" },
  { value: "played", label: "Played" },
  { value: "poor", label: "Poor" },
];

export const COMPLETENESS: Choice<Completeness>[] = [
  { value: "loose", label: "Loose" },
  { value: "cib", label: "Complete in box" },
  { value: "new", label: "New / sealed" },
];

export const GRADERS: Choice<Grader>[] = [
  { value: "psa", label: "PSA" },
  { value: "bgs", label: "Beckett (BGS)" },
  { value: "cgc", label: "CGC" },
  { value: "sgc", label: "SGC" },
  { value: "pcgs", label: "PCGS" },
  { value: "ngc", label: "NGC" },
  { value: "wata", label: "WATA" },
  { value: "vga", label: "VGA" },
  { value: "other", label: "Other" },
];

export const LANGUAGES: Choice<Language>[] = [
  { value: "en", label: "English" },
  { value: "ja", label: "Japanese" },
  { value: "ko", label: "Korean" },
  { value: "zh_hans", label: "Chinese (Simplified)" },
  { value: "zh_hant", label: "Chinese (Traditional)" },
  { value: "fr", label: "French" },
  { value: "de", label: "German" },
  { value: "it", label: "Italian" },
  { value: "es", label: "Spanish" },
  { value: "pt", label: "Portuguese" },
  { value: "ru", label: "Russian" },
  { value: "nl", label: "Dutch" },
  { value: "pl", label: "Polish" },
  { value: "other", label: "Other" },
];

export const MARKET_REGIONS: Choice<MarketRegion>[] = [
  { value: "north_america", label: "North America" },
  { value: "europe", label: "Europe" },
  { value: "united_kingdom", label: "United Kingdom" },
  { value: "japan", label: "Japan" },
  { value: "asia", label: "Asia (other)" },
  { value: "oceania", label: "Oceania" },
  { value: "latin_america", label: "Latin America" },
  { value: "other", label: "Other" },
];

export const FINISHES: Choice<Finish>[] = [
  { value: "non_foil", label: "Non-foil" },
  { value: "holo", label: "Holo" },
  { value: "reverse_holo", label: "Reverse holo" },
  { value: "foil", label: "Foil" },
  { value: "etched", label: "Etched foil" },
  { value: "textured", label: "Textured" },
  { value: "other", label: "Other" },
];

export function labelOf<T extends string>(choices: Choice<T>[], value: string | null | undefined) {
  if (!value) return "";
  return choices.find((choice) => choice.value === value)?.label ?? value;
}

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

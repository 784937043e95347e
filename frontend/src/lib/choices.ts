import type {
  Category,
  Completeness,
  Condition,
  Finish,
  Grader,
  Language,
  MarketRegion,
} from "@/lib/api/types";

/** A value the API accepts and how the UI names it (selects, filters, badges). */
export interface Choice<T extends string> {
  value: T;
  label: string;
}

// An item's vocabulary: labels mirror the backend's choices (see api_schema.json enum
// descriptions). Shared, since the collection, search and price screens all name them.
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

import type { Namespace, TFunction } from "i18next";

import type ui from "@/i18n/en/ui";

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
  /** The English label; `choiceLabel(choice, t)` gives it in the app's language. */
  label: string;
}

/** `t` from any `useTranslation(…)`: the labels below are looked up as "ui:choices.…". */
export type AnyT = TFunction<Namespace>;

type ChoiceGroup = keyof (typeof ui)["choices"];
type LooseT = (key: string, options: { defaultValue: string }) => string;

/** Which vocabulary each of the lists' choices belongs to (filtered copies keep it). */
const groups = new WeakMap<Choice<string>, ChoiceGroup>();

function vocabulary<T extends string>(group: ChoiceGroup, choices: Choice<T>[]): Choice<T>[] {
  for (const choice of choices) groups.set(choice, group);
  return choices;
}

// An item's vocabulary: labels mirror the backend's choices (see api_schema.json enum
// descriptions). Shared, since the collection, search and price screens all name them.
export const CATEGORIES: Choice<Category>[] = vocabulary("category", [
  { value: "trading_card", label: "Trading card" },
  { value: "video_game", label: "Video game" },
  { value: "vinyl", label: "Vinyl" },
  { value: "comic", label: "Comic" },
  { value: "coin", label: "Coin" },
  { value: "figure", label: "Figure" },
  { value: "other", label: "Other" },
]);

export const CONDITIONS: Choice<Condition>[] = vocabulary("condition", [
  { value: "sealed", label: "Sealed" },
  { value: "mint", label: "Mint" },
  { value: "near_mint", label: "Near mint" },
  { value: "excellent", label: "Excellent" },
  { value: "good", label: "Good" },
  { value: "played", label: "Played" },
  { value: "poor", label: "Poor" },
]);

export const COMPLETENESS: Choice<Completeness>[] = vocabulary("completeness", [
  { value: "loose", label: "Loose" },
  { value: "cib", label: "Complete in box" },
  { value: "new", label: "New / sealed" },
]);

export const GRADERS: Choice<Grader>[] = vocabulary("grader", [
  { value: "psa", label: "PSA" },
  { value: "bgs", label: "Beckett (BGS)" },
  { value: "cgc", label: "CGC" },
  { value: "sgc", label: "SGC" },
  { value: "pcgs", label: "PCGS" },
  { value: "ngc", label: "NGC" },
  { value: "wata", label: "WATA" },
  { value: "vga", label: "VGA" },
  { value: "other", label: "Other" },
]);

export const LANGUAGES: Choice<Language>[] = vocabulary("language", [
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
]);

export const MARKET_REGIONS: Choice<MarketRegion>[] = vocabulary("marketRegion", [
  { value: "north_america", label: "North America" },
  { value: "europe", label: "Europe" },
  { value: "united_kingdom", label: "United Kingdom" },
  { value: "japan", label: "Japan" },
  { value: "asia", label: "Asia (other)" },
  { value: "oceania", label: "Oceania" },
  { value: "latin_america", label: "Latin America" },
  { value: "other", label: "Other" },
]);

export const FINISHES: Choice<Finish>[] = vocabulary("finish", [
  { value: "non_foil", label: "Non-foil" },
  { value: "holo", label: "Holo" },
  { value: "reverse_holo", label: "Reverse holo" },
  { value: "foil", label: "Foil" },
  { value: "etched", label: "Etched foil" },
  { value: "textured", label: "Textured" },
  { value: "other", label: "Other" },
]);

/** A choice's label in the app's language (its English label when it is not one of the lists above). */
export function choiceLabel(choice: Choice<string>, t: AnyT): string {
  const group = groups.get(choice);
  if (!group) return choice.label;
  return (t as unknown as LooseT)(`ui:choices.${group}.${choice.value}`, { defaultValue: choice.label });
}

/**
 * The label of `value` among `choices` (the value itself when unknown, "" when empty).
 * Without `t` it is the English label; pass the component's `t` for the app's language.
 */
export function labelOf<T extends string>(choices: Choice<T>[], value: string | null | undefined, t?: AnyT): string {
  if (!value) return "";
  const choice = choices.find((c) => c.value === value);
  if (!choice) return value;
  return t ? choiceLabel(choice, t) : choice.label;
}

/** The choices with their labels in the app's language (for selects and filters). */
export function translatedChoices<T extends string>(choices: Choice<T>[], t: AnyT): Choice<T>[] {
  return choices.map((choice) => ({ value: choice.value, label: choiceLabel(choice, t) }));
}

/** An item's category in the app's language: `categoryLabel("video_game", t)`. */
export function categoryLabel(value: string | null | undefined, t: AnyT): string {
  return labelOf(CATEGORIES, value, t);
}

/** An item's condition in the app's language: `conditionLabel("near_mint", t)`. */
export function conditionLabel(value: string | null | undefined, t: AnyT): string {
  return labelOf(CONDITIONS, value, t);
}

import type { SearchResult } from "@/lib/api/types";
import { CATEGORIES, CONDITIONS } from "@/lib/choices";

type HighlightField = keyof SearchResult["highlights"];

/** Highlighted fields shown under the title, with what they are. */
export const EXTRA_FIELDS: { field: HighlightField; label: string }[] = [
  { field: "tags", label: "Tags" },
  { field: "card_details.game", label: "Game" },
  { field: "card_details.set_code", label: "Set code" },
  { field: "notes", label: "Notes" },
];

export function categoryLabel(result: SearchResult): string {
  return CATEGORIES.find((c) => c.value === result.category)?.label ?? result.category;
}

export function conditionLabel(result: SearchResult): string {
  return CONDITIONS.find((c) => c.value === result.condition)?.label ?? result.condition;
}

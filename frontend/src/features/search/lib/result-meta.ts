import type { ParseKeys } from "i18next";

import type { SearchResult } from "@/lib/api/types";
import { type AnyT, categoryLabel as categoryName, conditionLabel as conditionName } from "@/lib/choices";

type HighlightField = keyof SearchResult["highlights"];

/** Highlighted fields shown under the title, with what they are ("search" keys). */
export const EXTRA_FIELDS: { field: HighlightField; label: ParseKeys<"search"> }[] = [
  { field: "tags", label: "result.fields.tags" },
  { field: "card_details.game", label: "result.fields.game" },
  { field: "card_details.set_code", label: "result.fields.setCode" },
  { field: "notes", label: "result.fields.notes" },
];

export function categoryLabel(result: SearchResult, t: AnyT): string {
  return categoryName(result.category, t);
}

export function conditionLabel(result: SearchResult, t: AnyT): string {
  return conditionName(result.condition, t);
}

import type { TFunction } from "i18next";

import type { ValueRange } from "@/lib/api/types";
import type { RangeChoice } from "@/lib/use-range-param";

/** The ranges of the value chart, in toggle order (texts: `dashboard:history.ranges.*`). */
export const VALUE_RANGE_KEYS: readonly ValueRange[] = ["1m", "3m", "1y", "all"];

/** The toggle's choices in the current language: short label, accessible name. */
export function valueRanges(t: TFunction<"dashboard">): RangeChoice<ValueRange>[] {
  return VALUE_RANGE_KEYS.map((key) => ({
    key,
    label: t(`history.ranges.${key}.label`),
    title: t(`history.ranges.${key}.title`),
  }));
}

/** The API's own default. */
export const DEFAULT_VALUE_RANGE: ValueRange = "1y";

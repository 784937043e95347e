import type { ValueRange } from "@/lib/api/types";

export interface ValueRangeSpec {
  key: ValueRange;
  label: string;
  /** Accessible name of the toggle. */
  title: string;
}

export const VALUE_RANGES: ValueRangeSpec[] = [
  { key: "1m", label: "1M", title: "Last month" },
  { key: "3m", label: "3M", title: "Last 3 months" },
  { key: "1y", label: "1Y", title: "Last year" },
  { key: "all", label: "All", title: "All time" },
];

/** The API's own default. */
export const DEFAULT_VALUE_RANGE: ValueRange = "1y";

import type { PriceSeriesQuery } from "@/lib/api/types";

/**
 * Everything price-related of one item hangs under `item(id)`, so a finished refresh can
 * invalidate trackers and series together with one key.
 */
export const priceKeys = {
  all: ["prices"] as const,
  item: (collectibleId: number) => [...priceKeys.all, "item", collectibleId] as const,
  trackers: (collectibleId: number) => [...priceKeys.item(collectibleId), "trackers"] as const,
  seriesAll: (collectibleId: number) => [...priceKeys.item(collectibleId), "series"] as const,
  series: (collectibleId: number, query: PriceSeriesQuery) =>
    [...priceKeys.seriesAll(collectibleId), query] as const,
  jobs: () => [...priceKeys.all, "scrape-jobs"] as const,
  job: (jobId: number) => [...priceKeys.jobs(), jobId] as const,
};

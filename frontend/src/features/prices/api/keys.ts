import type { QueryClient } from "@tanstack/react-query";

import type { PriceSeriesQuery } from "@/lib/api/types";
import { collectibleKeys, dashboardKeys } from "@/lib/query-keys";

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
  manualEntries: (collectibleId: number) => [...priceKeys.item(collectibleId), "manual-entries"] as const,
  bestOffers: (collectibleId: number) => [...priceKeys.item(collectibleId), "best-offers"] as const,
  jobs: () => [...priceKeys.all, "scrape-jobs"] as const,
  job: (jobId: number) => [...priceKeys.jobs(), jobId] as const,
};

/**
 * A new price changes more than the chart: the item's valuation (detail and list rows)
 * and the dashboard's figures are recomputed by the server, so those reload too.
 */
export function invalidateAfterNewPrices(queryClient: QueryClient, collectibleId: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: priceKeys.item(collectibleId) }),
    queryClient.invalidateQueries({ queryKey: collectibleKeys.detail(collectibleId) }),
    queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
  ]);
}

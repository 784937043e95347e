import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { PriceEntry } from "@/lib/api/types";

import { priceKeys } from "./keys";

/** The prices entered by hand (newest first): the ones a collector may correct. */
export async function getManualEntries(collectibleId: number, signal?: AbortSignal): Promise<PriceEntry[]> {
  const page = await unwrap(
    apiClient.GET("/api/v1/collectibles/{collectible_pk}/price-entries/", {
      params: { path: { collectible_pk: String(collectibleId) }, query: { source: "manual", page_size: 100 } },
      signal,
    }),
  );
  return page.results;
}

export const manualEntriesQueryOptions = (collectibleId: number) =>
  queryOptions({
    queryKey: priceKeys.manualEntries(collectibleId),
    queryFn: ({ signal }) => getManualEntries(collectibleId, signal),
  });

export const useManualEntries = (collectibleId: number) => useQuery(manualEntriesQueryOptions(collectibleId));

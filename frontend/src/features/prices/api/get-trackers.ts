import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Tracker } from "@/lib/api/types";

import { priceKeys } from "./keys";

/** An item has a handful of trackers: one page of the largest size holds them all. */
export const TRACKERS_PAGE_SIZE = 100;

export async function getTrackers(collectibleId: number, signal?: AbortSignal): Promise<Tracker[]> {
  const page = await unwrap(
    apiClient.GET("/api/v1/collectibles/{collectible_pk}/trackers/", {
      params: { path: { collectible_pk: String(collectibleId) }, query: { page_size: TRACKERS_PAGE_SIZE } },
      signal,
    }),
  );
  return page.results;
}

export const trackersQueryOptions = (collectibleId: number) =>
  queryOptions({
    queryKey: priceKeys.trackers(collectibleId),
    queryFn: ({ signal }) => getTrackers(collectibleId, signal),
  });

export const useTrackers = (collectibleId: number) => useQuery(trackersQueryOptions(collectibleId));

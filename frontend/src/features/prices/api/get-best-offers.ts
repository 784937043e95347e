import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { BestOffers } from "@/lib/api/types";

import { priceKeys } from "./keys";

export function getBestOffers(collectibleId: number, signal?: AbortSignal): Promise<BestOffers> {
  return unwrap(apiClient.GET("/api/v1/collectibles/{collectible_pk}/best-offers", { params: { path: { collectible_pk: collectibleId } }, signal }));
}

export const bestOffersQueryOptions = (collectibleId: number) =>
  queryOptions({ queryKey: priceKeys.bestOffers(collectibleId), queryFn: ({ signal }) => getBestOffers(collectibleId, signal) });

export const useBestOffers = (collectibleId: number) => useQuery(bestOffersQueryOptions(collectibleId));

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { PriceSeriesQuery, PriceSeriesResponse } from "@/lib/api/types";

import { priceKeys } from "./keys";

export async function getPriceSeries(
  collectibleId: number,
  query: PriceSeriesQuery,
  signal?: AbortSignal,
): Promise<PriceSeriesResponse> {
  return unwrap(
    apiClient.GET("/api/v1/collectibles/{collectible_pk}/prices", {
      params: { path: { collectible_pk: collectibleId }, query },
      signal,
    }),
  );
}

export const priceSeriesQueryOptions = (collectibleId: number, query: PriceSeriesQuery) =>
  queryOptions({
    queryKey: priceKeys.series(collectibleId, query),
    queryFn: ({ signal }) => getPriceSeries(collectibleId, query, signal),
    placeholderData: keepPreviousData,
  });

export const usePriceSeries = (collectibleId: number, query: PriceSeriesQuery) =>
  useQuery(priceSeriesQueryOptions(collectibleId, query));

import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { CollectibleListQuery, PaginatedCollectibleList } from "@/lib/api/types";
import { collectibleKeys } from "@/lib/query-keys";

export async function getCollectibles(
  query: CollectibleListQuery,
  signal?: AbortSignal,
): Promise<PaginatedCollectibleList> {
  return unwrap(apiClient.GET("/api/v1/collectibles/", { params: { query }, signal }));
}

export const collectiblesQueryOptions = (query: CollectibleListQuery) =>
  queryOptions({
    queryKey: collectibleKeys.list(query),
    queryFn: ({ signal }) => getCollectibles(query, signal),
    placeholderData: keepPreviousData,
  });

export const useCollectibles = (query: CollectibleListQuery) =>
  useQuery(collectiblesQueryOptions(query));

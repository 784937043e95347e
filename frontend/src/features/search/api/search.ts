import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { SearchPage, SearchQuery } from "@/lib/api/types";

import { searchKeys } from "./keys";

/** GET /api/v1/search across all your vendors. A blank `q` is a 400: never sent (see `enabled`). */
export async function search(query: SearchQuery, signal?: AbortSignal): Promise<SearchPage> {
  return unwrap(apiClient.GET("/api/v1/search", { params: { query }, signal }));
}

/**
 * Each text is its own query key: a result for an older text never replaces a newer one,
 * and a request whose text is no longer wanted loses its observer and is aborted (the
 * fetcher consumes `signal`).
 */
export const searchQueryOptions = (query: SearchQuery) =>
  queryOptions({
    queryKey: searchKeys.results(query),
    queryFn: ({ signal }) => search(query, signal),
    enabled: query.q.trim().length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });

export const useSearch = (query: SearchQuery) => useQuery(searchQueryOptions(query));

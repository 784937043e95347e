import { useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { CatalogueSearchQuery, CatalogueSearchResponse } from "@/lib/api/types";

import { priceKeys } from "./keys";

/**
 * "Find it": a worker searches the marketplace's catalogue (the Discogs or eBay API with the
 * caller's own key, PriceCharting's or Cardmarket's search page) and answers at most 20
 * matches, each with a URL a tracker of that source reads. 400 `missing_credentials` when
 * the source needs a key not saved yet; 502 when the marketplace could not be searched.
 */
export function searchCatalogue(query: CatalogueSearchQuery, signal?: AbortSignal): Promise<CatalogueSearchResponse> {
  return unwrap(apiClient.GET("/api/v1/catalogue-search/", { params: { query }, signal }));
}

/** Runs only once a search was asked for (`query` not null); never retried (a worker fetch). */
export function useCatalogueSearch(query: CatalogueSearchQuery | null) {
  return useQuery({
    queryKey: [...priceKeys.all, "catalogue-search", query] as const,
    queryFn: ({ signal }) => searchCatalogue(query as CatalogueSearchQuery, signal),
    enabled: query !== null,
    retry: false,
    staleTime: 5 * 60_000,
  });
}

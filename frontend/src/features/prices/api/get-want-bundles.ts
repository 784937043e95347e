import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { WantBundles } from "@/lib/api/types";
import { wantBundleKeys } from "@/lib/query-keys";

/** `vendor` null: the want lists of every vendor of yours. */
export function getWantBundles(vendor: number | null, signal?: AbortSignal): Promise<WantBundles> {
  const query = vendor === null ? {} : { vendor };
  return unwrap(apiClient.GET("/api/v1/want-bundles/", { params: { query }, signal }));
}

export const wantBundlesQueryOptions = (vendor: number | null) =>
  queryOptions({ queryKey: wantBundleKeys.list(vendor), queryFn: ({ signal }) => getWantBundles(vendor, signal) });

export const useWantBundles = (vendor: number | null) => useQuery(wantBundlesQueryOptions(vendor));

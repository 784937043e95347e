import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Vendor } from "@/lib/api/types";

import { vendorKeys } from "./keys";

/** All your vendors (a user belongs to a handful: one page of 100 is all of them). */
export async function getVendors(signal?: AbortSignal): Promise<Vendor[]> {
  const page = await unwrap(
    apiClient.GET("/api/v1/vendors/", { params: { query: { page_size: 100 } }, signal }),
  );
  return page.results;
}

export const vendorsQueryOptions = () =>
  queryOptions({
    queryKey: vendorKeys.list(),
    queryFn: ({ signal }) => getVendors(signal),
    staleTime: 5 * 60_000,
  });

export const useVendors = () => useQuery(vendorsQueryOptions());

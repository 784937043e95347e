import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Dashboard } from "@/lib/api/types";
import { dashboardKeys } from "@/lib/query-keys";

export async function getDashboard(vendor: number | null, signal?: AbortSignal): Promise<Dashboard> {
  const query = vendor === null ? {} : { vendor };
  return unwrap(apiClient.GET("/api/v1/dashboard", { params: { query }, signal }));
}

export const dashboardQueryOptions = (vendor: number | null) =>
  queryOptions({
    queryKey: dashboardKeys.summary(vendor),
    queryFn: ({ signal }) => getDashboard(vendor, signal),
    staleTime: 60_000,
  });

export const useDashboard = (vendor: number | null) => useQuery(dashboardQueryOptions(vendor));

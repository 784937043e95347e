import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { ValueHistory, ValueRange } from "@/lib/api/types";
import { dashboardKeys } from "@/lib/query-keys";

export async function getValueHistory(
  vendor: number | null,
  range: ValueRange,
  signal?: AbortSignal,
): Promise<ValueHistory> {
  const query = vendor === null ? { range } : { vendor, range };
  return unwrap(apiClient.GET("/api/v1/dashboard/value-history", { params: { query }, signal }));
}

export const valueHistoryQueryOptions = (vendor: number | null, range: ValueRange) =>
  queryOptions({
    queryKey: dashboardKeys.history(vendor, range),
    queryFn: ({ signal }) => getValueHistory(vendor, range, signal),
    staleTime: 5 * 60_000,
    // Keep the previous range on screen while the next one loads.
    placeholderData: keepPreviousData,
  });

export const useValueHistory = (vendor: number | null, range: ValueRange) =>
  useQuery(valueHistoryQueryOptions(vendor, range));

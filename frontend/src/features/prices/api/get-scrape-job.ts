import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { apiClient, unwrap } from "@/lib/api/client";
import type { ScrapeJob } from "@/lib/api/types";

import { invalidateAfterNewPrices, priceKeys } from "./keys";

/** How often a running refresh is polled. */
export const SCRAPE_JOB_POLL_MS = 1000;

export async function getScrapeJob(jobId: number, signal?: AbortSignal): Promise<ScrapeJob> {
  return unwrap(apiClient.GET("/api/v1/scrape-jobs/{id}/", { params: { path: { id: jobId } }, signal }));
}

/** Polls until the job reports `is_finished` (or the job cannot be read). */
export const scrapeJobQueryOptions = (jobId: number) =>
  queryOptions({
    queryKey: priceKeys.job(jobId),
    queryFn: ({ signal }) => getScrapeJob(jobId, signal),
    staleTime: 0,
    refetchInterval: (query) =>
      query.state.status === "error" || query.state.data?.is_finished ? false : SCRAPE_JOB_POLL_MS,
  });

/**
 * Follows a refresh job of one item. When it finishes, the item's trackers and price
 * series, its value and the dashboard are invalidated (once per job) so they show what
 * it recorded.
 */
export function useScrapeJob(collectibleId: number, jobId: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({ ...scrapeJobQueryOptions(jobId ?? 0), enabled: jobId !== null });
  const settled = useRef<number | null>(null);
  const finished = jobId !== null && query.data?.id === jobId && query.data.is_finished;

  useEffect(() => {
    if (!finished || settled.current === jobId) return;
    settled.current = jobId;
    void invalidateAfterNewPrices(queryClient, collectibleId);
  }, [finished, jobId, collectibleId, queryClient]);

  return query;
}

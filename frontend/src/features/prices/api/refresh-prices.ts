import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { ScrapeJob } from "@/lib/api/types";

import { priceKeys } from "./keys";

/**
 * Asks the worker to check every active tracker of the item now. Resolves (202) to the
 * ScrapeJob to follow — the one already queued or running, if any. Rejects with an
 * ApiError 503 when the task queue is down (nothing was created).
 */
export async function refreshPrices(collectibleId: number): Promise<ScrapeJob> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/refresh-prices", {
      params: { path: { collectible_pk: collectibleId } },
    }),
  );
}

export function useRefreshPrices(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshPrices(collectibleId),
    // Seed the job's cache entry: polling (useScrapeJob) starts from what we know.
    onSuccess: (job) => queryClient.setQueryData(priceKeys.job(job.id), job),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { VendorRefresh } from "@/lib/api/types";

import { priceKeys } from "./keys";

/**
 * Asks the worker to check every active tracker of a collection's items now. Resolves
 * (202) to how many trackers were queued and how many were left alone (paused, already
 * queued, past the server's limit). Rejects with an ApiError 429 when the collection was
 * refreshed a few minutes ago (the server's message says when to retry), 403 for viewers,
 * 503 when the task queue is down (nothing was created).
 */
export async function refreshCollectionPrices(vendorId: number): Promise<VendorRefresh> {
  return unwrap(
    apiClient.POST("/api/v1/vendors/{vendor_id}/refresh-prices", {
      params: { path: { vendor_id: vendorId } },
    }),
  );
}

export function useRefreshCollectionPrices(vendorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => refreshCollectionPrices(vendorId),
    // Each item got a refresh job (the one its own "Refresh prices now" would follow):
    // any job read before is out of date. Prices arrive later, job by job.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: priceKeys.jobs() }),
  });
}

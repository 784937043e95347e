import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Collectible, CollectibleAcquireRequest } from "@/lib/api/types";
import { collectibleKeys, dashboardKeys } from "@/lib/query-keys";

/** "I bought it": the wanted item becomes owned, keeping its trackers and history. */
export function acquireCollectible(collectibleId: number, body: CollectibleAcquireRequest): Promise<Collectible> {
  return unwrap(apiClient.POST("/api/v1/collectibles/{collectible_pk}/acquire", { params: { path: { collectible_pk: collectibleId } }, body }));
}

export function useAcquireCollectible(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CollectibleAcquireRequest) => acquireCollectible(collectibleId, body),
    onSuccess: (item) => {
      queryClient.setQueryData(collectibleKeys.detail(item.id), item);
      // It leaves the want list and now counts in the collection's value.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Collectible, CollectibleRequest } from "@/lib/api/types";
import { collectibleKeys, dashboardKeys } from "@/lib/query-keys";

/** Replaces the item (PUT): the form always sends every field. */
export async function updateCollectible(
  id: number,
  body: CollectibleRequest,
): Promise<Collectible> {
  return unwrap(
    apiClient.PUT("/api/v1/collectibles/{id}/", { params: { path: { id } }, body }),
  );
}

export function useUpdateCollectible(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CollectibleRequest) => updateCollectible(id, body),
    onSuccess: async (item) => {
      queryClient.setQueryData(collectibleKeys.detail(item.id), item);
      // Condition, quantity or purchase changes move the collection's value too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
  });
}

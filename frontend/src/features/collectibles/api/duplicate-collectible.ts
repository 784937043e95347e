import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Collectible } from "@/lib/api/types";
import { collectibleKeys, dashboardKeys } from "@/lib/query-keys";

/** "Another copy of this": same details and tags, not its certificate, sale, trackers, prices or photos. */
export async function duplicateCollectible(id: number): Promise<Collectible> {
  return unwrap(apiClient.POST("/api/v1/collectibles/{collectible_pk}/duplicate", { params: { path: { collectible_pk: id } }, body: {} }));
}

export function useDuplicateCollectible() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: duplicateCollectible,
    onSuccess: async (item) => {
      queryClient.setQueryData(collectibleKeys.detail(item.id), item);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Collectible, CollectibleRequest } from "@/lib/api/types";
import { collectibleKeys } from "@/lib/query-keys";

export async function createCollectible(body: CollectibleRequest): Promise<Collectible> {
  return unwrap(apiClient.POST("/api/v1/collectibles/", { body }));
}

export function useCreateCollectible() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCollectible,
    onSuccess: async (item) => {
      queryClient.setQueryData(collectibleKeys.detail(item.id), item);
      await queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
    },
  });
}

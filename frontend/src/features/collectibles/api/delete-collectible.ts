import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import { collectibleKeys } from "@/lib/query-keys";

export async function deleteCollectible(id: number): Promise<void> {
  await unwrap(apiClient.DELETE("/api/v1/collectibles/{id}/", { params: { path: { id } } }));
}

export function useDeleteCollectible() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteCollectible,
    onSuccess: async (_data, id) => {
      queryClient.removeQueries({ queryKey: collectibleKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
    },
  });
}

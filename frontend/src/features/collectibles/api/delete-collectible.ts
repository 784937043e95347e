import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import { collectibleKeys } from "@/lib/query-keys";

/**
 * Deleting an item with price history is refused (409 `has_price_history`: mark it sold to
 * keep it) unless `confirmHistory` says the history may go with it.
 */
export async function deleteCollectible(id: number, confirmHistory = false): Promise<void> {
  const query = confirmHistory ? { confirm: "delete-history" as const } : undefined;
  await unwrap(apiClient.DELETE("/api/v1/collectibles/{id}/", { params: { path: { id }, query } }));
}

export function useDeleteCollectible() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, confirmHistory }: { id: number; confirmHistory?: boolean }) => deleteCollectible(id, confirmHistory),
    onSuccess: async (_data, { id }) => {
      queryClient.removeQueries({ queryKey: collectibleKeys.detail(id) });
      await queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() });
    },
  });
}

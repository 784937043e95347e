import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { CollectibleBulkEditRequest, CollectibleBulkResult } from "@/lib/api/types";
import { collectibleKeys, dashboardKeys } from "@/lib/query-keys";

export type BulkRequest = CollectibleBulkEditRequest;
/** What a bulk request changes: the action and its value field. */
export type BulkAction = Omit<BulkRequest, "ids" | "filters" | "confirm">;
/** Which items: these ids, or every item the list's filters match. */
export type BulkTarget = Pick<BulkRequest, "ids" | "filters">;

/** `POST /collectibles/bulk`: one atomic request (all or nothing), checked like single edits. */
export async function bulkUpdateCollectibles(body: BulkRequest): Promise<CollectibleBulkResult> {
  return unwrap(apiClient.POST("/api/v1/collectibles/bulk", { body }));
}

export function useBulkUpdateCollectibles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkUpdateCollectibles,
    onSuccess: async (_result, body) => {
      if (body.action === "delete") queryClient.removeQueries({ queryKey: collectibleKeys.details() });
      // Any of them may be open elsewhere, and condition or deletion move the value.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
  });
}

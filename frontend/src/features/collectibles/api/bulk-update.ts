import { hashKey, partialMatchKey, useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";

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

/**
 * Whether a cached collection list (`collectibleKeys.list(query)`) shows the items that
 * `filters` selects: the same query but for page, page size and sort, which the bulk
 * endpoint ignores as they choose no items.
 */
export function isListFilteredBy(filters: NonNullable<BulkTarget["filters"]>): (queryKey: QueryKey) => boolean {
  const wanted = hashKey([filters]);
  return (queryKey) => {
    const query: unknown = queryKey[collectibleKeys.lists().length];
    if (queryKey.length !== collectibleKeys.lists().length + 1 || !partialMatchKey(queryKey, collectibleKeys.lists())) return false;
    if (typeof query !== "object" || query === null) return false;
    const { page: _page, page_size: _size, ordering: _ordering, ...rest } = query as Record<string, unknown>;
    return hashKey([rest]) === wanted;
  };
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { SavedView } from "@/lib/api/types";
import { savedViewKeys } from "@/lib/query-keys";

/** `ids` in their new order: every view of yours. Shown at once, put back if refused. */
export function useReorderSavedViews() {
  const queryClient = useQueryClient();
  const key = savedViewKeys.all;
  return useMutation({
    mutationFn: (ids: number[]) => unwrap(apiClient.POST("/api/v1/saved-views/reorder", { body: { ids } })),
    onMutate: (ids) => {
      const before = queryClient.getQueriesData<SavedView[]>({ queryKey: key });
      queryClient.setQueriesData<SavedView[]>({ queryKey: key }, (views) =>
        Array.isArray(views) ? ids.map((id) => views.find((v) => v.id === id)).filter((v): v is SavedView => v !== undefined) : views,
      );
      return { before };
    },
    onError: (_error, _ids, context) => {
      for (const [queryKey, data] of context?.before ?? []) queryClient.setQueryData(queryKey, data);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}

/** The ids with the one at `index` moved by `step` (-1 up, +1 down); null at either end. */
export function moved(ids: number[], index: number, step: -1 | 1): number[] | null {
  const target = index + step;
  if (index < 0 || target < 0 || target >= ids.length) return null;
  const next = [...ids];
  [next[index], next[target]] = [next[target] as number, next[index] as number];
  return next;
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

import { invalidateAfterPhotos, photoKeys } from "./keys";
import type { Photo } from "@/lib/api/types";

/** Puts the item's photos in this order (every id, once). */
export async function reorderPhotos(collectibleId: number, ids: number[]): Promise<Photo[]> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/photos/order/", { params: { path: { collectible_pk: String(collectibleId) } }, body: { ids } }),
  );
}

export function useReorderPhotos(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) => reorderPhotos(collectibleId, ids),
    // Shown in the new order at once; the server's answer (or a refetch on error) settles it.
    onMutate: (ids) => {
      const key = photoKeys.item(collectibleId);
      const photos = queryClient.getQueryData<Photo[]>(key);
      if (photos) {
        const byId = new Map(photos.map((p) => [p.id, p]));
        queryClient.setQueryData(key, ids.map((id) => byId.get(id)).filter((p): p is Photo => p !== undefined));
      }
    },
    onSettled: () => invalidateAfterPhotos(queryClient, collectibleId),
  });
}

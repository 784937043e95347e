import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

import { invalidateAfterPhotos } from "./keys";

/** Deleting the cover makes the next photo the cover. */
export async function deletePhoto(collectibleId: number, photoId: number): Promise<void> {
  await unwrap(
    apiClient.DELETE("/api/v1/collectibles/{collectible_pk}/photos/{id}/", { params: { path: { collectible_pk: String(collectibleId), id: photoId } } }),
  );
}

export function useDeletePhoto(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: number) => deletePhoto(collectibleId, photoId),
    onSuccess: () => invalidateAfterPhotos(queryClient, collectibleId),
  });
}

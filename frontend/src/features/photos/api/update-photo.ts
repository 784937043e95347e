import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

import { invalidateAfterPhotos } from "./keys";
import type { Photo } from "@/lib/api/types";

/** Makes a photo the cover (an item with photos always has exactly one). */
export async function setCoverPhoto(collectibleId: number, photoId: number): Promise<Photo> {
  return unwrap(
    apiClient.PATCH("/api/v1/collectibles/{collectible_pk}/photos/{id}/", {
      params: { path: { collectible_pk: String(collectibleId), id: photoId } },
      body: { is_cover: true },
    }),
  );
}

export function useSetCoverPhoto(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (photoId: number) => setCoverPhoto(collectibleId, photoId),
    onSuccess: () => invalidateAfterPhotos(queryClient, collectibleId),
  });
}

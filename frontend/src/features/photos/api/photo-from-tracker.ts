import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Photo } from "@/lib/api/types";

import { invalidateAfterPhotos } from "./keys";

/**
 * Adds the tracked page's product image (schema.org, og:image) as a photo: a worker fetches
 * it through the scraper's guarded HTTP and it is checked like an upload.
 */
export async function photoFromTracker(collectibleId: number, trackerId: number): Promise<Photo> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/trackers/{id}/photo/", {
      params: { path: { collectible_pk: collectibleId, id: trackerId } },
    }),
  );
}

export function usePhotoFromTracker(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trackerId: number) => photoFromTracker(collectibleId, trackerId),
    onSuccess: () => invalidateAfterPhotos(queryClient, collectibleId),
  });
}

import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Photo } from "@/lib/api/types";

import { photoKeys } from "./keys";

/** In order, the cover among them (at most PHOTO_MAX_PER_ITEM: not paginated). */
export async function getPhotos(collectibleId: number, signal?: AbortSignal): Promise<Photo[]> {
  return unwrap(
    apiClient.GET("/api/v1/collectibles/{collectible_pk}/photos/", { params: { path: { collectible_pk: String(collectibleId) } }, signal }),
  );
}

export const photosQueryOptions = (collectibleId: number) =>
  queryOptions({
    queryKey: photoKeys.item(collectibleId),
    queryFn: ({ signal }) => getPhotos(collectibleId, signal),
  });

export const usePhotos = (collectibleId: number) => useQuery(photosQueryOptions(collectibleId));

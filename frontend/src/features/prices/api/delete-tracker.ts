import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

import { priceKeys } from "./keys";

/** Deletes the tracker; the prices it recorded stay in the item's history. */
export async function deleteTracker(collectibleId: number, trackerId: number): Promise<void> {
  await unwrap(
    apiClient.DELETE("/api/v1/collectibles/{collectible_pk}/trackers/{id}/", {
      params: { path: { collectible_pk: String(collectibleId), id: trackerId } },
    }),
  );
}

export function useDeleteTracker(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trackerId: number) => deleteTracker(collectibleId, trackerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: priceKeys.trackers(collectibleId) }),
  });
}

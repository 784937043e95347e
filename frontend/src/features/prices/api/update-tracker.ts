import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { PatchedTrackerRequest, Tracker } from "@/lib/api/types";

import { priceKeys } from "./keys";

export async function updateTracker(
  collectibleId: number,
  trackerId: number,
  body: PatchedTrackerRequest,
): Promise<Tracker> {
  return unwrap(
    apiClient.PATCH("/api/v1/collectibles/{collectible_pk}/trackers/{id}/", {
      params: { path: { collectible_pk: String(collectibleId), id: trackerId } },
      body,
    }),
  );
}

export function useUpdateTracker(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ trackerId, body }: { trackerId: number; body: PatchedTrackerRequest }) =>
      updateTracker(collectibleId, trackerId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: priceKeys.trackers(collectibleId) }),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Tracker, TrackerRequest } from "@/lib/api/types";

import { priceKeys } from "./keys";

export async function createTracker(collectibleId: number, body: TrackerRequest): Promise<Tracker> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/trackers/", {
      params: { path: { collectible_pk: String(collectibleId) } },
      body,
    }),
  );
}

export function useCreateTracker(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TrackerRequest) => createTracker(collectibleId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: priceKeys.trackers(collectibleId) }),
  });
}

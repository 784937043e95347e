import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Tracker } from "@/lib/api/types";

import { priceKeys } from "./keys";

/** Resumes checks (failures are forgotten; checked at the next tick). */
export async function resumeTracker(collectibleId: number, trackerId: number): Promise<Tracker> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/trackers/{id}/resume/", {
      params: { path: { collectible_pk: String(collectibleId), id: trackerId } },
    }),
  );
}

export function useResumeTracker(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (trackerId: number) => resumeTracker(collectibleId, trackerId),
    onSuccess: (tracker) => {
      queryClient.setQueryData<Tracker[]>(priceKeys.trackers(collectibleId), (list) =>
        list?.map((t) => (t.id === tracker.id ? tracker : t)),
      );
      return queryClient.invalidateQueries({ queryKey: priceKeys.trackers(collectibleId) });
    },
  });
}

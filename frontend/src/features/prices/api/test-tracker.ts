import { useMutation } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { TrackerTest } from "@/lib/api/types";

/**
 * Fetches a SAVED tracker's page once and says what a check would record (or why it
 * failed, as `{kind, message}`). Nothing is stored, so no cache changes.
 */
export async function testTracker(collectibleId: number, trackerId: number): Promise<TrackerTest> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/trackers/{id}/test/", {
      params: { path: { collectible_pk: String(collectibleId), id: trackerId } },
    }),
  );
}

export function useTestTracker(collectibleId: number) {
  return useMutation({
    mutationFn: (trackerId: number) => testTracker(collectibleId, trackerId),
  });
}

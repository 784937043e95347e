import { useMutation } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { TrackerRequest, TrackerTest } from "@/lib/api/types";

/**
 * Checks a tracker BEFORE it is saved: the body is the one that would create it (validated
 * the same way, URL safety included, 400 with `fields` otherwise) and the answer says what a
 * check would record, or why it fails (`{kind, message}`). Nothing is stored on the server,
 * so no cache changes.
 */
export async function testUnsavedTracker(collectibleId: number, body: TrackerRequest): Promise<TrackerTest> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/trackers/test/", {
      params: { path: { collectible_pk: String(collectibleId) } },
      body,
    }),
  );
}

export function useTestUnsavedTracker(collectibleId: number) {
  return useMutation({
    mutationFn: (body: TrackerRequest) => testUnsavedTracker(collectibleId, body),
  });
}

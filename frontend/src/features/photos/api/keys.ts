import type { QueryClient } from "@tanstack/react-query";

import { collectibleKeys } from "@/lib/query-keys";

export const photoKeys = {
  all: ["photos"] as const,
  item: (collectibleId: number) => [...photoKeys.all, collectibleId] as const,
};

/** Photos change the item's cover, shown on its page and in the list's grid. */
export function invalidateAfterPhotos(queryClient: QueryClient, collectibleId: number): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: photoKeys.item(collectibleId) }),
    queryClient.invalidateQueries({ queryKey: collectibleKeys.detail(collectibleId) }),
    queryClient.invalidateQueries({ queryKey: collectibleKeys.lists() }),
  ]);
}

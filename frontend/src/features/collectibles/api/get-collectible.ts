import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { Collectible } from "@/lib/api/types";
import { collectibleKeys } from "@/lib/query-keys";

export async function getCollectible(id: number, signal?: AbortSignal): Promise<Collectible> {
  return unwrap(
    apiClient.GET("/api/v1/collectibles/{id}/", { params: { path: { id } }, signal }),
  );
}

export const collectibleQueryOptions = (id: number) =>
  queryOptions({
    queryKey: collectibleKeys.detail(id),
    queryFn: ({ signal }) => getCollectible(id, signal),
  });

export const useCollectible = (id: number) => useQuery(collectibleQueryOptions(id));

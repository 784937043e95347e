import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { PriceEntry, PriceEntryRequest } from "@/lib/api/types";

import { invalidateAfterNewPrices } from "./keys";

/** Records a price by hand (source `manual`). */
export async function createPriceEntry(collectibleId: number, body: PriceEntryRequest): Promise<PriceEntry> {
  return unwrap(
    apiClient.POST("/api/v1/collectibles/{collectible_pk}/prices", {
      params: { path: { collectible_pk: collectibleId } },
      body,
    }),
  );
}

export function useCreatePriceEntry(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceEntryRequest) => createPriceEntry(collectibleId, body),
    onSuccess: () => invalidateAfterNewPrices(queryClient, collectibleId),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { PriceEntry, PriceEntryChange } from "@/lib/api/types";

import { invalidateAfterNewPrices } from "./keys";

/** Corrects a price entered by hand (observed prices are immutable); the change is recorded. */
export async function correctPriceEntry(collectibleId: number, entryId: number, body: PriceEntryChange): Promise<PriceEntry> {
  return unwrap(
    apiClient.PATCH("/api/v1/collectibles/{collectible_pk}/price-entries/{id}/", {
      params: { path: { collectible_pk: String(collectibleId), id: entryId } },
      body,
    }),
  );
}

/** Deletes a price entered by hand (recorded too, with what it was). */
export async function deletePriceEntry(collectibleId: number, entryId: number): Promise<void> {
  await unwrap(
    apiClient.DELETE("/api/v1/collectibles/{collectible_pk}/price-entries/{id}/", {
      params: { path: { collectible_pk: String(collectibleId), id: entryId } },
    }),
  );
}

export function useCorrectPriceEntry(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: PriceEntryChange }) => correctPriceEntry(collectibleId, id, body),
    onSuccess: () => invalidateAfterNewPrices(queryClient, collectibleId),
  });
}

export function useDeletePriceEntry(collectibleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => deletePriceEntry(collectibleId, id),
    onSuccess: () => invalidateAfterNewPrices(queryClient, collectibleId),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { MarketplaceCredential, MarketplaceCredentialChanges, MarketplaceCredentialRequest } from "@/lib/api/types";

import { marketplaceKeyKeys } from "./keys";

/** At most one key per provider: the API lists them all, unpaginated, secrets masked. */
export function getMarketplaceKeys(signal?: AbortSignal): Promise<MarketplaceCredential[]> {
  return unwrap(apiClient.GET("/api/v1/marketplace-credentials/", { signal }));
}

export const marketplaceKeysQueryOptions = () =>
  queryOptions({ queryKey: marketplaceKeyKeys.list(), queryFn: ({ signal }) => getMarketplaceKeys(signal) });

export const useMarketplaceKeys = () => useQuery(marketplaceKeysQueryOptions());

function useKeyMutation<T, R>(mutationFn: (arg: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: marketplaceKeyKeys.list() }),
  });
}

export const useCreateMarketplaceKey = () =>
  useKeyMutation((body: MarketplaceCredentialRequest) => unwrap(apiClient.POST("/api/v1/marketplace-credentials/", { body })));

/** Sends only the secrets to replace; the others stay as saved. */
export const useUpdateMarketplaceKey = () =>
  useKeyMutation(({ id, body }: { id: number; body: MarketplaceCredentialChanges }) =>
    unwrap(apiClient.PATCH("/api/v1/marketplace-credentials/{id}/", { params: { path: { id } }, body })),
  );

export const useDeleteMarketplaceKey = () =>
  useKeyMutation((id: number) => unwrap(apiClient.DELETE("/api/v1/marketplace-credentials/{id}/", { params: { path: { id } } })));

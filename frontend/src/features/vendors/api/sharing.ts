import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";

import { vendorKeys } from "./keys";

export type Visibility = components["schemas"]["VisibilityEnum"];
export type SharingChange = Pick<
  components["schemas"]["PatchedVendorWriteRequest"],
  "collection_visibility" | "wants_visibility" | "share_show_prices"
>;
export type SharedList = "collection" | "wants";
type Item = components["schemas"]["SharedItem"];
type Want = components["schemas"]["SharedWant"];
/** One page of either list: a row has the fields of its list only. */
export interface SharedListPage {
  name: string;
  show_prices: boolean;
  count: number;
  next?: string | null;
  previous?: string | null;
  results: (Partial<Item> & Partial<Want> & { name: string })[];
}

export const sharingKeys = {
  page: (key: string, list: SharedList, page: number) => ["public-share", key, list, page] as const,
};

export function useChangeSharing(vendorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SharingChange) =>
      unwrap(apiClient.PATCH("/api/v1/vendors/{id}/", { params: { path: { id: vendorId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

export function useRegenerateShareLink(vendorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      unwrap(apiClient.POST("/api/v1/vendors/{id}/regenerate-share-link/", { params: { path: { id: vendorId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

/** A shared page: no sign-in; a private or unknown list is a 404 like any missing page. */
export function useSharedList(key: string, list: SharedList, page: number) {
  return useQuery<SharedListPage>({
    queryKey: sharingKeys.page(key, list, page),
    queryFn: () =>
      list === "collection"
        ? unwrap(apiClient.GET("/api/v1/public/collections/{key}", { params: { path: { key }, query: { page } } }))
        : unwrap(apiClient.GET("/api/v1/public/collections/{key}/wants", { params: { path: { key }, query: { page } } })),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

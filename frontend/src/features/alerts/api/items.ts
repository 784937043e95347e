import { useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import { collectibleKeys } from "@/lib/query-keys";

import { alertKeys } from "./alerts";

/** The rule form's item picker offers one page of the vendor's items (owned and wanted). */
const ITEM_CHOICES = 100;

export const useItemChoices = (vendor: number | null) =>
  useQuery({
    queryKey: alertKeys.itemChoices(vendor),
    queryFn: async ({ signal }) => {
      const query = { page_size: ITEM_CHOICES, ordering: ["name" as const], ...(vendor === null ? {} : { vendor }) };
      return (await unwrap(apiClient.GET("/api/v1/collectibles/", { params: { query }, signal }))).results;
    },
  });

/** A watched item's name, from the same cache entry as its page. */
export const useItemName = (id: number) =>
  useQuery({
    queryKey: collectibleKeys.detail(id),
    queryFn: ({ signal }) => unwrap(apiClient.GET("/api/v1/collectibles/{id}/", { params: { path: { id } }, signal })),
    select: (item) => item.name,
  });

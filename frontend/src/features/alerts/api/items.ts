import { useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

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

import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import { savedViewKeys } from "@/lib/query-keys";

export const savedViewsQueryOptions = () =>
  queryOptions({
    queryKey: savedViewKeys.all,
    queryFn: ({ signal }) => unwrap(apiClient.GET("/api/v1/saved-views/", { signal })),
  });

export const useSavedViews = () => useQuery(savedViewsQueryOptions());

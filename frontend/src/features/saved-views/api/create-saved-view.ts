import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { SavedViewRequest } from "@/lib/api/types";
import { savedViewKeys } from "@/lib/query-keys";

export function useCreateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SavedViewRequest) => unwrap(apiClient.POST("/api/v1/saved-views/", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

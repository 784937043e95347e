import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { SavedViewChanges } from "@/lib/api/types";
import { savedViewKeys } from "@/lib/query-keys";

export function useUpdateSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: SavedViewChanges }) =>
      unwrap(apiClient.PATCH("/api/v1/saved-views/{id}", { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all }),
  });
}

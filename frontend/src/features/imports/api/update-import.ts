import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

import { importKeys } from "./keys";
import type { ImportJob, ImportJobChanges } from "@/lib/api/types";

/** Changes the mapping, value maps or duplicate handling; answers the new preview. */
export async function updateImport(id: number, changes: ImportJobChanges): Promise<ImportJob> {
  return unwrap(apiClient.PATCH("/api/v1/imports/{id}/", { params: { path: { id: String(id) } }, body: changes }));
}

export function useUpdateImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: ImportJobChanges) => updateImport(id, changes),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(id), job),
  });
}

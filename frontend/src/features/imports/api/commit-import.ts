import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import { collectibleKeys, dashboardKeys } from "@/lib/query-keys";

import { importKeys } from "./keys";
import type { ImportJob } from "@/lib/api/types";

/** Starts writing the rows in the background (202); the job then reports its progress. */
export async function commitImport(id: number): Promise<ImportJob> {
  return unwrap(apiClient.POST("/api/v1/imports/{id}/commit", { params: { path: { id } } }));
}

/** Rolls the whole import back while its items are unchanged since. */
export async function undoImport(id: number): Promise<ImportJob> {
  return unwrap(apiClient.POST("/api/v1/imports/{id}/undo", { params: { path: { id } } }));
}

export function useCommitImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => commitImport(id),
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(id), job),
  });
}

export function useUndoImport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => undoImport(id),
    onSuccess: async (job) => {
      queryClient.setQueryData(importKeys.job(id), job);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: collectibleKeys.all }),
        queryClient.invalidateQueries({ queryKey: dashboardKeys.all }),
      ]);
    },
  });
}

import { queryOptions, useQuery } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";

import { importKeys } from "./keys";
import type { ImportJob } from "@/lib/api/types";

/** How often a committed job is polled for its progress. */
export const IMPORT_POLL_MS = 1000;

export async function getImport(id: number, signal?: AbortSignal): Promise<ImportJob> {
  return unwrap(apiClient.GET("/api/v1/imports/{id}/", { params: { path: { id: String(id) } }, signal }));
}

/** Polls while the job is queued or running. */
export const importQueryOptions = (id: number) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "queued" || status === "running" ? IMPORT_POLL_MS : false;
    },
  });

export const useImport = (id: number) => useQuery(importQueryOptions(id));

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { sendForm } from "@/lib/api/raw";

import { importKeys } from "./keys";
import type { ImportJob } from "@/lib/api/types";

export interface ImportUpload {
  file: File;
  vendor?: number | undefined;
  dayFirst?: boolean;
}

/** Reads the file (CSV, TSV, XLSX or JSON) into a draft job with a preview; writes nothing yet. */
export async function uploadImport({ file, vendor, dayFirst }: ImportUpload): Promise<ImportJob> {
  const form = new FormData();
  form.append("file", file);
  if (vendor !== undefined) form.append("vendor", String(vendor));
  if (dayFirst) form.append("day_first", "true");
  // Multipart: sent as FormData through the client's authenticated fetch.
  return sendForm<ImportJob>("/api/v1/imports/", form);
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    onSuccess: (job) => queryClient.setQueryData(importKeys.job(job.id), job),
  });
}

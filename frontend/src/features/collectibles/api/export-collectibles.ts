import { useMutation } from "@tanstack/react-query";

import { getFile } from "@/lib/api/raw";
import type { CollectibleExportQuery } from "@/lib/api/types";

export type ExportFormat = NonNullable<CollectibleExportQuery["format"]>;
export type ExportFilters = Omit<CollectibleExportQuery, "format">;

/**
 * Every item the list's filters match (all pages), as a file. Fetched with the token like
 * any call (a plain link could not send it), then handed to the browser as a download.
 */
export async function exportCollectibles(format: ExportFormat, filters: ExportFilters) {
  const query: CollectibleExportQuery = { ...filters, format };
  const { blob, filename } = await getFile("/api/v1/collectibles/export", query);
  return { blob, filename: filename ?? `collection.${format}` };
}

function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function useExportCollectibles() {
  return useMutation({
    mutationFn: ({ format, filters }: { format: ExportFormat; filters: ExportFilters }) => exportCollectibles(format, filters),
    onSuccess: ({ blob, filename }) => saveFile(blob, filename),
  });
}

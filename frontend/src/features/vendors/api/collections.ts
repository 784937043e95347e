import { useMutation, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import { getFile } from "@/lib/api/raw";
import type { components } from "@/lib/api/schema";

import { vendorKeys } from "./keys";

export type VendorWrite = components["schemas"]["VendorWriteRequest"];

/** Every change to your collections refreshes all vendor queries: the shell's switcher too. */
function useVendorMutation<T, R>(mutationFn: (arg: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the caller's onSuccess (its toast) runs before the refetch removes the
    // row that called it (a deleted collection, a removed member) and unmounts it.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

export const useCreateCollection = () =>
  useVendorMutation((body: VendorWrite) => unwrap(apiClient.POST("/api/v1/vendors/", { body })));

export const useRenameCollection = () =>
  useVendorMutation(({ id, name }: { id: number; name: string }) =>
    unwrap(apiClient.PATCH("/api/v1/vendors/{id}/", { params: { path: { id } }, body: { name } })),
  );

export const useDeleteCollection = () =>
  useVendorMutation((id: number) => unwrap(apiClient.DELETE("/api/v1/vendors/{id}/", { params: { path: { id } } })));

export const useLeaveCollection = () =>
  useVendorMutation((id: number) => unwrap(apiClient.POST("/api/v1/vendors/{id}/leave/", { params: { path: { id } } })));

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

/** The take-out zip (everything, restorable), fetched with the token a plain link lacks. */
export function useDownloadTakeout() {
  return useMutation({
    mutationFn: async (vendorId: number) => {
      const { blob, filename } = await getFile(`/api/v1/vendors/${String(vendorId)}/takeout`);
      return { blob, filename: filename ?? `omni-stock-takeout-${String(vendorId)}.zip` };
    },
    onSuccess: ({ blob, filename }) => saveFile(blob, filename),
  });
}

import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";
import type { Role } from "@/lib/api/types";

import { vendorKeys } from "./keys";

export type Member = components["schemas"]["Membership"];

export const membersQueryOptions = (vendorId: number) =>
  queryOptions({
    queryKey: vendorKeys.members(vendorId),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET("/api/v1/vendors/{vendor_pk}/members/", { params: { path: { vendor_pk: vendorId } }, signal })),
  });

export const useMembers = (vendorId: number) => useQuery(membersQueryOptions(vendorId));

/** A role change can change yours (stepping down): the vendor list follows too. */
function useMemberMutation<T, R>(mutationFn: (arg: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the caller's onSuccess (its toast) runs before the refetch removes the
    // row that called it (a deleted collection, a removed member) and unmounts it.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

export const useChangeRole = (vendorId: number) =>
  useMemberMutation(({ id, role }: { id: number; role: Role }) =>
    unwrap(
      apiClient.PATCH("/api/v1/vendors/{vendor_pk}/members/{id}/", {
        params: { path: { vendor_pk: vendorId, id } },
        body: { role },
      }),
    ),
  );

export const useRemoveMember = (vendorId: number) =>
  useMemberMutation((id: number) =>
    unwrap(apiClient.DELETE("/api/v1/vendors/{vendor_pk}/members/{id}/", { params: { path: { vendor_pk: vendorId, id } } })),
  );

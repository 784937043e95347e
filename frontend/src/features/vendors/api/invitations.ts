import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";
import type { Role } from "@/lib/api/types";

import { vendorKeys } from "./keys";

export type Invitation = components["schemas"]["Invitation"];
export type IssuedInvitation = components["schemas"]["IssuedInvitation"];
export type PublicInvitation = components["schemas"]["PublicInvitation"];

export const invitationsQueryOptions = (vendorId: number) =>
  queryOptions({
    queryKey: vendorKeys.invitations(vendorId),
    queryFn: ({ signal }) =>
      unwrap(apiClient.GET("/api/v1/vendors/{vendor_pk}/invitations/", { params: { path: { vendor_pk: vendorId } }, signal })),
  });

export const useInvitations = (vendorId: number, enabled = true) => useQuery({ ...invitationsQueryOptions(vendorId), enabled });

export function useInvite(vendorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; role: Role }) =>
      unwrap(apiClient.POST("/api/v1/vendors/{vendor_pk}/invitations/", { params: { path: { vendor_pk: vendorId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vendorKeys.invitations(vendorId) }),
  });
}

export function useRevokeInvitation(vendorId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(apiClient.DELETE("/api/v1/vendors/{vendor_pk}/invitations/{id}/", { params: { path: { vendor_pk: vendorId, id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vendorKeys.invitations(vendorId) }),
  });
}

/** Public: the invitation page reads it before anyone signs in. */
export const invitationQueryOptions = (token: string) =>
  queryOptions({
    queryKey: vendorKeys.invitation(token),
    queryFn: ({ signal }) => unwrap(apiClient.GET("/api/v1/invitations/{token}", { params: { path: { token } }, signal })),
    retry: false,
  });

export const useInvitation = (token: string) => useQuery(invitationQueryOptions(token));

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(apiClient.POST("/api/v1/invitations/{token}/accept", { params: { path: { token } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vendorKeys.all }),
  });
}

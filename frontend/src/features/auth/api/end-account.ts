import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import { endLocalSession } from "@/lib/session";

/** Ends every session of yours, this one included (the server clears the cookie). */
export async function signOutEverywhere(): Promise<void> {
  await unwrap(api.client.POST("/api/v1/auth/sessions/revoke-all"));
}

/** Deletes the account and the collections nobody else owns. */
export async function deleteAccount(password: string): Promise<void> {
  await unwrap(api.client.POST("/api/v1/auth/delete-account", { body: { password } }));
}

/** Both end the local session once the server said yes. */
export function useSignOutEverywhere(goToLogin: () => void) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: signOutEverywhere, onSuccess: () => endLocalSession(queryClient, goToLogin) });
}

export function useDeleteAccount(goToLogin: () => void) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: deleteAccount, onSuccess: () => endLocalSession(queryClient, goToLogin) });
}

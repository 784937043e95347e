import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import { endLocalSession } from "@/lib/session";

/** Revokes the refresh cookie server-side (the backend also clears it). */
export async function logout(): Promise<void> {
  await unwrap(api.client.POST("/api/v1/auth/logout", { body: {} }));
}

/** Logs out on the server, then always ends the local session, even if the call failed. */
export function useLogout(goToLogin: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => endLocalSession(queryClient, goToLogin),
  });
}

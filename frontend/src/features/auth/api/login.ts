import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import { tokenStore } from "@/lib/api/token-store";
import type { AuthSession, LoginRequest } from "@/lib/api/types";

import { authKeys } from "./keys";

export async function login(body: LoginRequest): Promise<AuthSession> {
  return unwrap(api.client.POST("/api/v1/auth/login", { body }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      // A different user may sign in on this tab: start from an empty cache.
      queryClient.clear();
      tokenStore.set(session.access);
      queryClient.setQueryData(authKeys.me(), session.user);
    },
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import { tokenStore } from "@/lib/api/token-store";
import type { AuthSession, RegisterRequest } from "@/lib/api/types";

import { authKeys } from "./keys";

export async function register(body: RegisterRequest): Promise<AuthSession> {
  return unwrap(api.client.POST("/api/v1/auth/register", { body }));
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (session) => {
      queryClient.clear();
      tokenStore.set(session.access);
      queryClient.setQueryData(authKeys.me(), session.user);
    },
  });
}

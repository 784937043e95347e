import { useMutation, useQueryClient } from "@tanstack/react-query";

import { i18n } from "@/i18n";
import { api, unwrap } from "@/lib/api/client";
import { ApiError, isApiError } from "@/lib/api/errors";
import { tokenStore } from "@/lib/api/token-store";
import type { AuthSession, RegisterRequest } from "@/lib/api/types";

import { authKeys } from "./keys";
import { login } from "./login";

/**
 * Sign up, then sign in with the same password. The server answers every sign-up the same
 * way (it never says whether an address is taken), so the login that follows tells the two
 * apart: it works for a new account and is refused for an address someone already owns.
 */
export async function register(body: RegisterRequest): Promise<AuthSession> {
  await unwrap(api.client.POST("/api/v1/auth/register", { body }));
  try {
    return await login({ email: body.email, password: body.password });
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      throw new ApiError({ message: i18n.t("auth:errors.existingAccount"), status: 409, code: "existing_account" });
    }
    throw error;
  }
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

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { activeLanguageOf } from "@/i18n/languages";
import { api, unwrap } from "@/lib/api/client";
import { tokenStore } from "@/lib/api/token-store";
import type { AuthSession, LoginRequest } from "@/lib/api/types";

import { authKeys } from "./keys";
import { updateMe } from "./update-me";

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
      if (session.user.language === "") {
        // Never chosen: the language this device shows (the browser's, or picked before
        // signing in) becomes the account's, so mails sent while away are in it too.
        // Best effort: without it they are in English until the user picks a language.
        updateMe({ language: activeLanguageOf() }).then(
          (user) => queryClient.setQueryData(authKeys.me(), user),
          () => undefined,
        );
      }
    },
  });
}

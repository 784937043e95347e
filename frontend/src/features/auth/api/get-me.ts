import { queryOptions, useQuery } from "@tanstack/react-query";

import { i18n } from "@/i18n";
import { api, unwrap } from "@/lib/api/client";
import { ApiError } from "@/lib/api/errors";
import { tokenStore } from "@/lib/api/token-store";
import type { User } from "@/lib/api/types";

import { authKeys } from "./keys";

/**
 * Your profile. Without an access token in memory (first load, reload), it first tries to
 * restore the session from the httpOnly refresh cookie; when that fails it rejects with a
 * 401 ApiError instead of sending a request bound to fail.
 */
export async function getMe(signal?: AbortSignal): Promise<User> {
  if (!tokenStore.get()) {
    const token = await api.refreshAccessToken();
    if (!token) {
      throw new ApiError({ message: i18n.t("auth:errors.notSignedIn"), status: 401, code: "not_authenticated" });
    }
  }
  return unwrap(api.client.GET("/api/v1/auth/me", { signal }));
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
    retry: false,
  });

export const useMe = () => useQuery(meQueryOptions());

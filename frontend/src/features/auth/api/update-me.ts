import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";
import type { User } from "@/lib/api/types";

import { authKeys } from "./keys";

export type UpdateMeBody = components["schemas"]["PatchedUserUpdateRequest"];

export async function updateMe(body: UpdateMeBody): Promise<User> {
  return unwrap(api.client.PATCH("/api/v1/auth/me", { body }));
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData(authKeys.me(), user),
  });
}

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import type { User } from "@/lib/api/types";

import { authKeys } from "./keys";

/** Works signed in or out (the link may be opened on another device). */
export async function verifyEmail(token: string): Promise<User> {
  return unwrap(api.client.POST("/api/v1/auth/verify-email", { body: { token } }));
}

export async function resendVerification(): Promise<string> {
  return (await unwrap(api.client.POST("/api/v1/auth/verify-email/resend"))).detail;
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    // Signed in as that user: the banner goes away without a reload.
    onSuccess: (user) =>
      queryClient.setQueryData<User>(authKeys.me(), (me) => (me?.id === user.id ? user : me)),
  });
}

export const useResendVerification = () => useMutation({ mutationFn: resendVerification });

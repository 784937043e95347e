import { useMutation } from "@tanstack/react-query";

import { api, unwrap } from "@/lib/api/client";
import type { components } from "@/lib/api/schema";

type Schemas = components["schemas"];
export type PasswordChangeBody = Schemas["PasswordChangeRequest"];
export type PasswordResetBody = Schemas["ForgotPasswordRequest"];
export type PasswordResetConfirmBody = Schemas["PasswordResetConfirmRequest"];

/** Your other sessions end; this one stays signed in. */
export async function changePassword(body: PasswordChangeBody): Promise<void> {
  await unwrap(api.client.POST("/api/v1/auth/password", { body }));
}

/** Always "accepted": the server never says whether the address has an account. */
export async function requestPasswordReset(body: PasswordResetBody): Promise<string> {
  return (await unwrap(api.client.POST("/api/v1/auth/password-reset", { body }))).detail;
}

/** Sets the password of a mailed link; every session of the account ends. */
export async function confirmPasswordReset(body: PasswordResetConfirmBody): Promise<void> {
  await unwrap(api.client.POST("/api/v1/auth/password-reset/confirm", { body }));
}

export const useChangePassword = () => useMutation({ mutationFn: changePassword });
export const useRequestPasswordReset = () => useMutation({ mutationFn: requestPasswordReset });
export const useConfirmPasswordReset = () => useMutation({ mutationFn: confirmPasswordReset });

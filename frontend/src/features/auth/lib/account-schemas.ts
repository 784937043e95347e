// zod/mini, as the login and register forms: the public reset screens stay light.
import * as z from "zod/mini";

import { loginSchema, message } from "./schemas";

const newPassword = z.string().check(z.minLength(8, message("passwordTooShort")));

function confirmed(values: { new_password: string; confirm: string }) {
  return values.new_password === values.confirm;
}
const mismatch = { path: ["confirm"], ...message("passwordMismatch") };

export const forgotPasswordSchema = z.object({ email: loginSchema.shape.email });
export type ForgotPasswordValues = z.infer<typeof forgotPasswordSchema>;

export const resetPasswordSchema = z
  .object({ new_password: newPassword, confirm: z.string() })
  .check(z.refine(confirmed, mismatch));
export type ResetPasswordValues = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    current_password: z.string().check(z.minLength(1, message("currentPasswordRequired"))),
    new_password: newPassword,
    confirm: z.string(),
  })
  .check(
    z.refine(confirmed, mismatch),
    z.refine((values) => values.new_password !== values.current_password, {
      path: ["new_password"],
      ...message("passwordUnchanged"),
    }),
  );
export type ChangePasswordValues = z.infer<typeof changePasswordSchema>;

export const PROFILE_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "CZK"] as const;

export const profileSchema = z.object({
  display_name: z.string().check(z.trim(), z.maxLength(100, message("nameTooLong"))),
  display_currency: z.string().check(
    z.trim(),
    z.toUpperCase(),
    z.regex(/^([A-Z]{3})?$/, message("currencyCode")),
  ),
});
export type ProfileValues = z.infer<typeof profileSchema>;

/** What the person types to confirm deleting their account, in English (the dialog asks
 * for its own language's word: `auth:deleteAccount.word`). */
export const DELETE_WORD = "DELETE";

/** Case and surrounding spaces do not matter; the word does. */
export function confirmWordMatches(typed: string, word: string = DELETE_WORD): boolean {
  return typed.trim().toUpperCase() === word.toUpperCase();
}

/** The `uid` and `token` of a mailed reset link, or null when the link is incomplete. */
export function resetLinkParams(search: URLSearchParams): { uid: string; token: string } | null {
  const uid = search.get("uid")?.trim() ?? "";
  const token = search.get("token")?.trim() ?? "";
  return uid && token ? { uid, token } : null;
}

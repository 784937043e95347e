// zod/mini keeps the login and register routes light (the item forms use full zod).
import * as z from "zod/mini";

import { i18n } from "@/i18n";
import type en from "@/i18n/en/auth";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A zod message read when the check fails, so it follows the language chosen since. */
export const message = (key: keyof (typeof en)["errors"]) => ({ error: (): string => i18n.t(`auth:errors.${key}`) });

const email = z.string().check(
  z.trim(),
  z.minLength(1, message("emailRequired")),
  z.maxLength(254, message("emailTooLong")),
  z.regex(EMAIL, message("emailInvalid")),
);

export const loginSchema = z.object({
  email,
  password: z.string().check(z.minLength(1, message("passwordRequired"))),
});
export type LoginValues = z.infer<typeof loginSchema>;

export const registerSchema = z
  .object({
    display_name: z.string().check(z.trim(), z.maxLength(100, message("nameTooLong"))),
    email,
    password: z.string().check(z.minLength(8, message("passwordTooShort"))),
    confirm: z.string(),
  })
  .check(
    z.refine((values) => values.password === values.confirm, {
      path: ["confirm"],
      ...message("passwordMismatch"),
    }),
  );
export type RegisterValues = z.infer<typeof registerSchema>;

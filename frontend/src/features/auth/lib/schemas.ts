// zod/mini keeps the login and register routes light (the item forms use full zod).
import * as z from "zod/mini";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const email = z.string().check(
  z.trim(),
  z.minLength(1, "Enter your email."),
  z.maxLength(254, "At most 254 characters."),
  z.regex(EMAIL, "Enter a valid email address."),
);

export const loginSchema = z.object({
  email,
  password: z.string().check(z.minLength(1, "Enter your password.")),
});
export type LoginValues = z.infer<typeof loginSchema>;

export const registerSchema = z
  .object({
    display_name: z.string().check(z.trim(), z.maxLength(100, "At most 100 characters.")),
    email,
    password: z.string().check(z.minLength(8, "Use at least 8 characters.")),
    confirm: z.string(),
  })
  .check(
    z.refine((values) => values.password === values.confirm, {
      path: ["confirm"],
      message: "The passwords do not match.",
    }),
  );
export type RegisterValues = z.infer<typeof registerSchema>;

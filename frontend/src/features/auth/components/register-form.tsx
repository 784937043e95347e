import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/api/form-errors";

import { useRegister } from "../api/register";
import { registerSchema, type RegisterValues } from "../lib/schemas";

type Values = RegisterValues;

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation("auth");
  const registerAccount = useRegister();
  const form = useForm<Values>({
    resolver: zodResolver(registerSchema),
    defaultValues: { display_name: "", email: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ confirm: _confirm, ...values }) => {
    try {
      await registerAccount.mutateAsync(values);
      onSuccess();
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label={t("register.displayName")} error={errors.display_name?.message} description={t("register.displayNameHint")}>
        {(control) => <Input {...control} autoComplete="nickname" autoFocus {...form.register("display_name")} />}
      </Field>
      <Field label={t("register.email")} required error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="email" {...form.register("email")} />}
      </Field>
      <Field label={t("register.password")} required error={errors.password?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("password")} />}
      </Field>
      <Field label={t("register.confirm")} required error={errors.confirm?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("confirm")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting} className="mt-1">
        {isSubmitting ? t("register.submitting") : t("register.submit")}
      </Button>
    </form>
  );
}

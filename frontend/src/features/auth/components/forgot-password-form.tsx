import { zodResolver } from "@hookform/resolvers/zod";
import { MailCheck } from "lucide-react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/api/form-errors";

import { useRequestPasswordReset } from "../api/password";
import { forgotPasswordSchema, type ForgotPasswordValues } from "../lib/account-schemas";

export function ForgotPasswordForm({ defaultEmail = "" }: { defaultEmail?: string }) {
  const { t } = useTranslation("auth");
  const request = useRequestPasswordReset();
  const form = useForm<ForgotPasswordValues>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: defaultEmail } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await request.mutateAsync(values);
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  if (request.isSuccess) {
    return (
      <div role="status" className="grid gap-2 text-sm">
        <p className="flex items-center gap-2 font-medium">
          <MailCheck aria-hidden className="size-4 text-success" /> {t("forgot.sent")}
        </p>
        <p className="text-muted-foreground">{request.data}</p>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label={t("forgot.email")} error={errors.email?.message}>
        {(control) => <Input {...control} type="email" autoComplete="username" autoFocus {...form.register("email")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("forgot.submitting") : t("forgot.submit")}
      </Button>
    </form>
  );
}

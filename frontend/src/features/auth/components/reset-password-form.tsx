import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/api/form-errors";

import { useConfirmPasswordReset } from "../api/password";
import { resetPasswordSchema, type ResetPasswordValues } from "../lib/account-schemas";

/** The new password for a mailed link; `onSuccess` runs once it is set (every session ended). */
export function ResetPasswordForm({ uid, token, onSuccess }: { uid: string; token: string; onSuccess: () => void }) {
  const { t } = useTranslation("auth");
  const confirm = useConfirmPasswordReset();
  const form = useForm<ResetPasswordValues>({ resolver: zodResolver(resetPasswordSchema), defaultValues: { new_password: "", confirm: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await confirm.mutateAsync({ uid, token, new_password: values.new_password });
      onSuccess();
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-4">
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label={t("reset.newPassword")} error={errors.new_password?.message} description={t("reset.newPasswordHint")}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" autoFocus {...form.register("new_password")} />}
      </Field>
      <Field label={t("reset.confirm")} error={errors.confirm?.message}>
        {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("confirm")} />}
      </Field>
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("reset.submitting") : t("reset.submit")}
      </Button>
    </form>
  );
}

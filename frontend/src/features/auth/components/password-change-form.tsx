import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/api/form-errors";

import { useChangePassword } from "../api/password";
import { changePasswordSchema, type ChangePasswordValues } from "../lib/account-schemas";

const EMPTY: ChangePasswordValues = { current_password: "", new_password: "", confirm: "" };

export function PasswordChangeForm() {
  const { t } = useTranslation("auth");
  const change = useChangePassword();
  const form = useForm<ChangePasswordValues>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ current_password, new_password }) => {
    try {
      await change.mutateAsync({ current_password, new_password });
      form.reset(EMPTY);
      toast.success(t("passwordChange.changed"));
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("passwordChange.title")}</CardTitle>
        <CardDescription>{t("passwordChange.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate aria-label={t("passwordChange.formLabel")} onSubmit={onSubmit} className="grid max-w-md gap-4">
          <FormAlert message={errors.root?.serverError?.message} />
          <Field label={t("passwordChange.current")} error={errors.current_password?.message}>
            {(control) => <Input {...control} type="password" autoComplete="current-password" {...form.register("current_password")} />}
          </Field>
          <Field label={t("passwordChange.newPassword")} error={errors.new_password?.message} description={t("passwordChange.newPasswordHint")}>
            {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("new_password")} />}
          </Field>
          <Field label={t("passwordChange.confirm")} error={errors.confirm?.message}>
            {(control) => <Input {...control} type="password" autoComplete="new-password" {...form.register("confirm")} />}
          </Field>
          <div>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t("passwordChange.submitting") : t("passwordChange.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { User } from "@/lib/api/types";

import { useUpdateMe } from "../api/update-me";
import { PROFILE_CURRENCIES, profileSchema, type ProfileValues } from "../lib/account-schemas";

/**
 * Display name and display currency. The collection's own currency belongs to the
 * collection (Settings → Collections): `collectionCurrency` only shows it.
 */
export function ProfileForm({ user, collectionCurrency }: { user: User; collectionCurrency?: string | undefined }) {
  const { t } = useTranslation("auth");
  const update = useUpdateMe();
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: { display_name: user.display_name ?? "", display_currency: user.display_currency },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const choices: string[] = [...PROFILE_CURRENCIES];
  if (user.display_currency && !choices.includes(user.display_currency)) choices.push(user.display_currency);

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const saved = await update.mutateAsync(values);
      form.reset({ display_name: saved.display_name ?? "", display_currency: saved.display_currency });
      toast.success(t("profile.saved"));
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("profile.title")}</CardTitle>
        <CardDescription>{t("profile.description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate aria-label={t("profile.formLabel")} onSubmit={onSubmit} className="grid max-w-md gap-4">
          <FormAlert message={errors.root?.serverError?.message} />
          <UnsavedChangesGuard dirty={isDirty && !isSubmitting} />
          <Field label={t("profile.email")}>{(control) => <Input {...control} value={user.email} readOnly disabled />}</Field>
          <Field label={t("profile.displayName")} error={errors.display_name?.message}>
            {(control) => <Input {...control} autoComplete="name" {...form.register("display_name")} />}
          </Field>
          <Field
            label={t("profile.currency")}
            error={errors.display_currency?.message}
            description={
              collectionCurrency
                ? t("profile.currencyHintKept", { currency: collectionCurrency })
                : t("profile.currencyHint")
            }
          >
            {(control) => (
              <NativeSelect {...control} {...form.register("display_currency")}>
                <option value="">{t("profile.currencyOwn")}</option>
                {choices.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </NativeSelect>
            )}
          </Field>
          <div>
            <Button type="submit" disabled={isSubmitting || !isDirty}>
              {isSubmitting ? t("profile.submitting") : t("profile.submit")}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

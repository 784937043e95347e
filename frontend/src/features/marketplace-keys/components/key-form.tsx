import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { MarketplaceCredential, MarketplaceCredentialChanges } from "@/lib/api/types";

import { emptyKeyForm, keyFormSchema, toKeyRequest, type KeyFormValues } from "../lib/key-form";
import type { ProviderInfo } from "../lib/providers";

/** Adds a provider's key, or replaces a saved one (`credential`). Never pre-filled: the
 * secrets are not sent back to us, only their masks. */
export function KeyForm({
  info,
  credential,
  onSubmit,
  onCancel,
}: {
  info: ProviderInfo;
  credential?: MarketplaceCredential | undefined;
  onSubmit: (body: MarketplaceCredentialChanges) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["marketplaceKeys", "common"]);
  const replacing = credential !== undefined;
  const form = useForm<KeyFormValues>({ resolver: zodResolver(keyFormSchema(info, replacing)), defaultValues: emptyKeyForm(info) });
  const { register, formState } = form;
  const { errors, isSubmitting } = formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(toKeyRequest(info, values));
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={t(replacing ? "form.replaceLabel" : "form.addLabel", { provider: info.label })}>
      <FormAlert message={errors.root?.serverError?.message} />
      {info.fields.map((field) => (
        <Field
          key={field.name}
          label={t(`fields.${field.name}`)}
          required={!replacing}
          error={errors[field.name]?.message}
          description={
            credential
              ? t(info.fields.length > 1 ? "form.savedAsKeep" : "form.savedAs", { masked: credential[field.masked] || "•••" })
              : undefined
          }
        >
          {(c) => <Input {...c} type="password" autoComplete="off" spellCheck={false} {...register(field.name)} />}
        </Field>
      ))}
      <p className="text-xs text-muted-foreground">
        {t("form.storedEncrypted", { whereToGet: t(`providers.${info.provider}.whereToGet`) })}
      </p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("common:actions.saving") : t("form.save")}
        </Button>
      </div>
    </form>
  );
}

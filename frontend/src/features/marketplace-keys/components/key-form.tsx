import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";

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
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={replacing ? `Replace ${info.label} key` : `Add ${info.label} key`}>
      <FormAlert message={errors.root?.serverError?.message} />
      {info.fields.map((field) => (
        <Field
          key={field.name}
          label={field.label}
          required={!replacing}
          error={errors[field.name]?.message}
          description={
            credential
              ? `Saved as ${credential[field.masked] || "•••"}.${info.fields.length > 1 ? " Leave empty to keep it." : ""}`
              : undefined
          }
        >
          {(c) => <Input {...c} type="password" autoComplete="off" spellCheck={false} {...register(field.name)} />}
        </Field>
      ))}
      <p className="text-xs text-muted-foreground">
        {info.whereToGet} It is stored encrypted and never shown again, not even to you.
      </p>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save key"}
        </Button>
      </div>
    </form>
  );
}

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

import { MAX_EXTERNAL_IDS, type CollectibleFormValues } from "../lib/form-schema";

/** Marketplace name → id rows (`external_ids`). Validation lives in the form schema. */
export function ExternalIdsEditor() {
  const { t } = useTranslation("collectibles");
  const { control, register, formState } = useFormContext<CollectibleFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "external_ids" });
  const rowErrors = formState.errors.external_ids;
  const listError = rowErrors?.message ?? rowErrors?.root?.message;

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{t("externalIds.legend")}</legend>
      <p className="-mt-1 text-xs text-muted-foreground">
        {t("externalIds.help")}
      </p>
      {fields.length > 0 ? (
        // Narrow (phones): marketplace + remove on one line, the id full width below it, each
        // pair boxed; from a 28rem-wide container: one line, the id getting the most room.
        <ul className="@container grid gap-2">
          {fields.map((field, index) => {
            const keyError = rowErrors?.[index]?.key?.message;
            const valueError = rowErrors?.[index]?.value?.message;
            const keyId = `external-id-${field.id}-key`;
            const valueId = `external-id-${field.id}-value`;
            return (
              <li
                key={field.id}
                className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2 rounded-md border p-2 @md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] @md:rounded-none @md:border-0 @md:p-0"
              >
                <div className="col-start-1 row-start-1 min-w-0">
                  <label htmlFor={keyId} className="sr-only">
                    {t("externalIds.marketplace", { n: index + 1 })}
                  </label>
                  <Input
                    id={keyId}
                    placeholder={t("externalIds.marketplacePlaceholder")}
                    aria-invalid={keyError ? true : undefined}
                    aria-describedby={keyError ? `${keyId}-error` : undefined}
                    {...register(`external_ids.${index}.key`)}
                  />
                  <FieldError id={`${keyId}-error`} message={keyError} />
                </div>
                <div className="col-span-2 col-start-1 row-start-2 min-w-0 @md:col-span-1 @md:col-start-2 @md:row-start-1">
                  <label htmlFor={valueId} className="sr-only">
                    {t("externalIds.id", { n: index + 1 })}
                  </label>
                  <Input
                    id={valueId}
                    placeholder={t("externalIds.idPlaceholder")}
                    aria-invalid={valueError ? true : undefined}
                    aria-describedby={valueError ? `${valueId}-error` : undefined}
                    {...register(`external_ids.${index}.value`)}
                  />
                  <FieldError id={`${valueId}-error`} message={valueError} />
                </div>
                <Button
                  variant="ghost"
                  size="icon"
                  className="col-start-2 row-start-1 @md:col-start-3"
                  onClick={() => remove(index)}
                  aria-label={t("externalIds.remove", { n: index + 1 })}
                >
                  <Trash2 />
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <FieldError message={listError} />
      <div>
        <Button
          variant="outline"
          size="sm"
          disabled={fields.length >= MAX_EXTERNAL_IDS}
          onClick={() => append({ key: "", value: "" }, { shouldFocus: true })}
        >
          <Plus aria-hidden /> {t("externalIds.add")}
        </Button>
      </div>
    </fieldset>
  );
}

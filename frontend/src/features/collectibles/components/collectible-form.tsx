import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FieldError, FormAlert } from "@/components/ui/form";
import { Input, Textarea } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { CollectibleRequest, Vendor } from "@/lib/api/types";
import { amountExample } from "@/lib/money";
import {
  CATEGORIES,
  COMPLETENESS,
  CONDITIONS,
  FINISHES,
  GRADERS,
  LANGUAGES,
  MARKET_REGIONS,
  translatedChoices,
  type Choice,
} from "@/lib/choices";

import { priorityChoices, statusChoices } from "../lib/list-options";
import {
  collectibleFormSchema,
  MAX_CERT_NUMBER_LENGTH,
  MAX_LOCATION_LENGTH,
  todayIso,
  toCollectibleRequest,
  wantsMaxPriceAlert,
  type CollectibleFormValues,
} from "../lib/form-schema";
import { ExternalIdsEditor } from "./external-ids-editor";
import { TagsInput } from "./tags-input";

interface CollectibleFormProps {
  defaultValues: CollectibleFormValues;
  /** Vendors you can add items to; the picker shows when there are several. */
  vendors: Vendor[];
  mode: "create" | "edit";
  /** Sends the request; a rejected ApiError's field errors are shown on the fields.
   * `alertAtMaxPrice`: a want is being added whose "alert me at my max price" box is ticked. */
  onSubmit: (body: CollectibleRequest, options: { alertAtMaxPrice: boolean }) => Promise<unknown>;
  onCancel?: () => void;
}

/** A select's options; the choices are already in the app's language. */
function Options<T extends string>({ choices, blank }: { choices: Choice<T>[]; blank?: string }) {
  return (
    <>
      {blank !== undefined ? <option value="">{blank}</option> : null}
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent className="grid gap-4 sm:grid-cols-2">{children}</CardContent>
    </Card>
  );
}

/** A currency field's placeholder when the collection has no default currency of its own. */
const FALLBACK_CURRENCY = "EUR";

/** The server's error names → where the form shows them. */
function serverFieldToFormPath(name: string): string | null | undefined {
  if (name.startsWith("tags.")) return "tags";
  if (name.startsWith("external_ids.")) return "external_ids";
  return undefined;
}

export function CollectibleForm({ defaultValues, vendors, mode, onSubmit, onCancel }: CollectibleFormProps) {
  const { t } = useTranslation(["collectibles", "common"]);
  // The amount placeholders as the user's locale writes them ("0,00" in German).
  const zero = amountExample();
  const form = useForm<CollectibleFormValues>({
    resolver: zodResolver(collectibleFormSchema),
    defaultValues,
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting, isDirty, isSubmitSuccessful } = formState;
  const category = useWatch({ control, name: "category" });
  const vendorId = useWatch({ control, name: "vendor" });
  const vendor = vendors.find((v) => String(v.id) === vendorId);
  const isCard = category === "trading_card";
  const grader = useWatch({ control, name: "grader" });
  const status = useWatch({ control, name: "status" });
  const maxPrice = useWatch({ control, name: "max_price" });
  const currencyHelp = vendor?.default_currency ? t("form.currencyDefault", { currency: vendor.default_currency }) : t("form.currencyHelp");
  const currencyPlaceholder = vendor?.default_currency ?? FALLBACK_CURRENCY;

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(toCollectibleRequest(values, { includeVendor: mode === "create" }), {
        alertAtMaxPrice: mode === "create" && wantsMaxPriceAlert(values),
      });
    } catch (error) {
      applyServerErrors(error, form, { mapField: serverFieldToFormPath });
    }
  });

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={submit} className="grid gap-5" aria-label={mode === "create" ? t("form.newItem") : t("form.editItem")}>
        <FormAlert message={errors.root?.serverError?.message} />
        <UnsavedChangesGuard dirty={isDirty && !isSubmitting && !isSubmitSuccessful} />

        <Section title={t("form.item")}>
          <Field label={t("form.name")} required error={errors.name?.message} className="sm:col-span-2">
            {(c) => <Input {...c} autoFocus={mode === "create"} {...register("name")} />}
          </Field>
          {mode === "create" && vendors.length > 1 ? (
            <Field label={t("form.collection")} error={errors.vendor?.message} className="sm:col-span-2">
              {(c) => (
                <NativeSelect {...c} {...register("vendor")}>
                  {vendors.map((v) => (
                    <option key={v.id} value={v.id}>
                      {v.name}
                    </option>
                  ))}
                </NativeSelect>
              )}
            </Field>
          ) : null}
          <Field label={t("form.category")} required error={errors.category?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("category")}>
                <Options choices={translatedChoices(CATEGORIES, t)} />
              </NativeSelect>
            )}
          </Field>
          <Field label={t("form.condition")} error={errors.condition?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("condition")}>
                <Options choices={translatedChoices(CONDITIONS, t)} />
              </NativeSelect>
            )}
          </Field>
          <Field label={t("form.setName")} error={errors.set_name?.message}>
            {(c) => <Input {...c} {...register("set_name")} />}
          </Field>
          <Field label={t("form.number")} description={t("form.numberHelp")} error={errors.number?.message}>
            {(c) => <Input {...c} {...register("number")} />}
          </Field>
          <Field label={t("form.completeness")} description={t("form.completenessHelp")} error={errors.completeness?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("completeness")}>
                <Options choices={translatedChoices(COMPLETENESS, t)} blank={t("form.notApplicable")} />
              </NativeSelect>
            )}
          </Field>
          <Field label={t("form.quantity")} error={errors.quantity?.message}>
            {(c) => <Input {...c} inputMode="numeric" {...register("quantity")} />}
          </Field>
          <Field label={t("form.grader")} error={errors.grader?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("grader")}>
                <Options choices={translatedChoices(GRADERS, t)} blank={t("form.notGraded")} />
              </NativeSelect>
            )}
          </Field>
          <Field label={t("form.grade")} description={t("form.gradeHelp")} error={errors.grade?.message}>
            {(c) => <Input {...c} inputMode="decimal" {...register("grade")} />}
          </Field>
          {grader ? (
            <Field label={t("form.certNumber")} description={t("form.certNumberHelp")} error={errors.cert_number?.message}>
              {(c) => <Input {...c} maxLength={MAX_CERT_NUMBER_LENGTH} {...register("cert_number")} />}
            </Field>
          ) : null}
          <Field label={t("form.location")} description={t("form.locationHelp")} error={errors.location?.message} className={grader ? undefined : "sm:col-span-2"}>
            {(c) => <Input {...c} maxLength={MAX_LOCATION_LENGTH} placeholder={t("form.locationPlaceholder")} {...register("location")} />}
          </Field>
        </Section>

        {isCard ? (
          <Section title={t("form.cardDetails")} description={t("form.cardDetailsHelp")}>
            <FieldError message={errors.card_details?.message ?? errors.card_details?.root?.message} />
            <Field label={t("form.game")} description={t("form.gameHelp")} error={errors.card_details?.game?.message}>
              {(c) => <Input {...c} {...register("card_details.game")} />}
            </Field>
            <Field label={t("form.setCode")} error={errors.card_details?.set_code?.message}>
              {(c) => <Input {...c} {...register("card_details.set_code")} />}
            </Field>
            <Field label={t("form.language")} error={errors.card_details?.language?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("card_details.language")}>
                  <Options choices={translatedChoices(LANGUAGES, t)} blank="—" />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("form.marketRegion")} error={errors.card_details?.market_region?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("card_details.market_region")}>
                  <Options choices={translatedChoices(MARKET_REGIONS, t)} blank="—" />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("form.rarity")} error={errors.card_details?.rarity?.message}>
              {(c) => <Input {...c} {...register("card_details.rarity")} />}
            </Field>
            <Field label={t("form.finish")} error={errors.card_details?.finish?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("card_details.finish")}>
                  <Options choices={translatedChoices(FINISHES, t)} blank="—" />
                </NativeSelect>
              )}
            </Field>
            <Field label={t("form.releaseDate")} error={errors.card_details?.release_date?.message}>
              {(c) => <Input {...c} type="date" {...register("card_details.release_date")} />}
            </Field>
          </Section>
        ) : null}

        {status === "wanted" ? (
          <Section title={t("form.want")} description={t("form.wantHelp")}>
            <Field label={t("form.maxPrice")} required description={t("form.maxPriceHelp")} error={errors.max_price?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...register("max_price")} />}
            </Field>
            <Field
              label={t("form.maxPriceCurrency")}
              description={currencyHelp}
              error={errors.max_price_currency?.message}
            >
              {(c) => (
                <Input {...c} maxLength={3} autoCapitalize="characters" placeholder={currencyPlaceholder} className="uppercase" {...register("max_price_currency")} />
              )}
            </Field>
            <Field label={t("form.priority")} error={errors.priority?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("priority")}>
                  <Options choices={priorityChoices(t)} />
                </NativeSelect>
              )}
            </Field>
            {mode === "create" ? (
              <div className="grid gap-1 sm:col-span-2">
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    aria-describedby="alert-at-max-price-help"
                    disabled={!maxPrice.trim()}
                    {...register("alert_at_max_price")}
                  />
                  {t("form.alertAtMaxPrice")}
                </label>
                <p id="alert-at-max-price-help" className="text-sm text-muted-foreground">
                  {maxPrice.trim() ? t("form.alertAtMaxPriceHelp") : t("form.alertNeedsMaxPrice")}
                </p>
              </div>
            ) : null}
          </Section>
        ) : (
          <Section title={t("form.purchase")}>
            <Field label={t("form.pricePaid")} description={t("form.pricePaidHelp")} error={errors.purchase_price?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...register("purchase_price")} />}
            </Field>
            <Field
              label={t("form.currency")}
              description={currencyHelp}
              error={errors.purchase_currency?.message}
            >
              {(c) => (
                <Input {...c} maxLength={3} autoCapitalize="characters" placeholder={currencyPlaceholder} className="uppercase" {...register("purchase_currency")} />
              )}
            </Field>
            <Field label={t("form.purchaseDate")} error={errors.purchase_date?.message}>
              {(c) => <Input {...c} type="date" {...register("purchase_date")} />}
            </Field>
            <Field label={t("form.fees")} description={t("form.costHelp")} error={errors.purchase_fees?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...register("purchase_fees")} />}
            </Field>
            <Field label={t("form.shipping")} description={t("form.costHelp")} error={errors.purchase_shipping?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...register("purchase_shipping")} />}
            </Field>
          </Section>
        )}

        <Section title={t("form.status")} description={t("form.statusHelp")}>
          <Field label={t("form.status")} error={errors.status?.message}>
            {(c) => (
              <NativeSelect
                {...c}
                {...register("status", {
                  onChange: (event: { target: { value: string } }) => {
                    if (event.target.value === "sold" && !form.getValues("sale_date")) form.setValue("sale_date", todayIso());
                  },
                })}
              >
                <Options choices={statusChoices(t)} />
              </NativeSelect>
            )}
          </Field>
          {status === "sold" ? (
            <>
              <Field label={t("form.salePrice")} required description={t("form.salePriceHelp")} error={errors.sale_price?.message}>
                {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...register("sale_price")} />}
              </Field>
              <Field label={t("form.saleDate")} required error={errors.sale_date?.message}>
                {(c) => <Input {...c} type="date" {...register("sale_date")} />}
              </Field>
              <Field label={t("form.saleFees")} description={t("form.saleFeesHelp")} error={errors.sale_fees?.message}>
                {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...register("sale_fees")} />}
              </Field>
              <Field
                label={t("form.saleCurrency")}
                description={currencyHelp}
                error={errors.sale_currency?.message}
              >
                {(c) => <Input {...c} maxLength={3} autoCapitalize="characters" placeholder={currencyPlaceholder} className="uppercase" {...register("sale_currency")} />}
              </Field>
            </>
          ) : null}
        </Section>

        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("form.extras")}</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5">
            <Field label={t("form.tags")} error={errors.tags?.message ?? errors.tags?.root?.message}>
              {(c) => (
                <Controller
                  control={control}
                  name="tags"
                  render={({ field }) => <TagsInput {...c} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                />
              )}
            </Field>
            <ExternalIdsEditor />
            <Field label={t("form.notes")} error={errors.notes?.message}>
              {(c) => <Textarea {...c} rows={3} {...register("notes")} />}
            </Field>
          </CardContent>
        </Card>

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {onCancel ? (
            <Button variant="outline" onClick={onCancel}>
              {t("common:actions.cancel")}
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("common:actions.saving") : mode === "create" ? t("form.add") : t("form.saveChanges")}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

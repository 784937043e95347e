import { zodResolver } from "@hookform/resolvers/zod";
import type { ReactNode } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";

import { UnsavedChangesGuard } from "@/components/unsaved-changes-guard";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, FieldError, FormAlert } from "@/components/ui/form";
import { Input, Textarea } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { CollectibleRequest, Vendor } from "@/lib/api/types";
import {
  CATEGORIES,
  COMPLETENESS,
  CONDITIONS,
  FINISHES,
  GRADERS,
  LANGUAGES,
  MARKET_REGIONS,
  type Choice,
} from "@/lib/choices";

import { PRIORITIES, STATUSES } from "../lib/list-options";
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

/** The server's error names → where the form shows them. */
function serverFieldToFormPath(name: string): string | null | undefined {
  if (name.startsWith("tags.")) return "tags";
  if (name.startsWith("external_ids.")) return "external_ids";
  return undefined;
}

export function CollectibleForm({ defaultValues, vendors, mode, onSubmit, onCancel }: CollectibleFormProps) {
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
      <form noValidate onSubmit={submit} className="grid gap-5" aria-label={mode === "create" ? "New item" : "Edit item"}>
        <FormAlert message={errors.root?.serverError?.message} />
        <UnsavedChangesGuard dirty={isDirty && !isSubmitting && !isSubmitSuccessful} />

        <Section title="Item">
          <Field label="Name" required error={errors.name?.message} className="sm:col-span-2">
            {(c) => <Input {...c} autoFocus={mode === "create"} {...register("name")} />}
          </Field>
          {mode === "create" && vendors.length > 1 ? (
            <Field label="Collection" error={errors.vendor?.message} className="sm:col-span-2">
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
          <Field label="Category" required error={errors.category?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("category")}>
                <Options choices={CATEGORIES} />
              </NativeSelect>
            )}
          </Field>
          <Field label="Condition" error={errors.condition?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("condition")}>
                <Options choices={CONDITIONS} />
              </NativeSelect>
            )}
          </Field>
          <Field label="Set / series" error={errors.set_name?.message}>
            {(c) => <Input {...c} {...register("set_name")} />}
          </Field>
          <Field label="Number" description="Card, issue or catalogue number." error={errors.number?.message}>
            {(c) => <Input {...c} {...register("number")} />}
          </Field>
          <Field label="Completeness" description="For games and boxed items." error={errors.completeness?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("completeness")}>
                <Options choices={COMPLETENESS} blank="Not applicable" />
              </NativeSelect>
            )}
          </Field>
          <Field label="Quantity" error={errors.quantity?.message}>
            {(c) => <Input {...c} inputMode="numeric" {...register("quantity")} />}
          </Field>
          <Field label="Grader" error={errors.grader?.message}>
            {(c) => (
              <NativeSelect {...c} {...register("grader")}>
                <Options choices={GRADERS} blank="Not graded" />
              </NativeSelect>
            )}
          </Field>
          <Field label="Grade" description="1–10 for cards and comics, 1–70 for coins." error={errors.grade?.message}>
            {(c) => <Input {...c} inputMode="decimal" {...register("grade")} />}
          </Field>
          {grader ? (
            <Field label="Certificate number" description="The grader's certificate (slab) number." error={errors.cert_number?.message}>
              {(c) => <Input {...c} maxLength={MAX_CERT_NUMBER_LENGTH} {...register("cert_number")} />}
            </Field>
          ) : null}
          <Field label="Location" description="Where it is kept: box, binder, shelf." error={errors.location?.message} className={grader ? undefined : "sm:col-span-2"}>
            {(c) => <Input {...c} maxLength={MAX_LOCATION_LENGTH} placeholder="Binder 2" {...register("location")} />}
          </Field>
        </Section>

        {isCard ? (
          <Section title="Card details" description="Only for trading cards.">
            <FieldError message={errors.card_details?.message ?? errors.card_details?.root?.message} />
            <Field label="Game" description="e.g. Pokémon, Magic: The Gathering." error={errors.card_details?.game?.message}>
              {(c) => <Input {...c} {...register("card_details.game")} />}
            </Field>
            <Field label="Set code" error={errors.card_details?.set_code?.message}>
              {(c) => <Input {...c} {...register("card_details.set_code")} />}
            </Field>
            <Field label="Language" error={errors.card_details?.language?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("card_details.language")}>
                  <Options choices={LANGUAGES} blank="—" />
                </NativeSelect>
              )}
            </Field>
            <Field label="Market region" error={errors.card_details?.market_region?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("card_details.market_region")}>
                  <Options choices={MARKET_REGIONS} blank="—" />
                </NativeSelect>
              )}
            </Field>
            <Field label="Rarity" error={errors.card_details?.rarity?.message}>
              {(c) => <Input {...c} {...register("card_details.rarity")} />}
            </Field>
            <Field label="Finish" error={errors.card_details?.finish?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("card_details.finish")}>
                  <Options choices={FINISHES} blank="—" />
                </NativeSelect>
              )}
            </Field>
            <Field label="Release date" error={errors.card_details?.release_date?.message}>
              {(c) => <Input {...c} type="date" {...register("card_details.release_date")} />}
            </Field>
          </Section>
        ) : null}

        {status === "wanted" ? (
          <Section title="Want" description="Its condition (and grade) above mean “at least”: better offers count too.">
            <Field label="Maximum price" required description="The most you would pay for one." error={errors.max_price?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...register("max_price")} />}
            </Field>
            <Field
              label="Max price currency"
              description={vendor?.default_currency ? `Defaults to ${vendor.default_currency}.` : "ISO 4217 code, e.g. EUR."}
              error={errors.max_price_currency?.message}
            >
              {(c) => (
                <Input {...c} maxLength={3} autoCapitalize="characters" placeholder={vendor?.default_currency ?? "EUR"} className="uppercase" {...register("max_price_currency")} />
              )}
            </Field>
            <Field label="Priority" error={errors.priority?.message}>
              {(c) => (
                <NativeSelect {...c} {...register("priority")}>
                  <Options choices={PRIORITIES} />
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
                  Alert me when it is at or below my max price
                </label>
                <p id="alert-at-max-price-help" className="text-sm text-muted-foreground">
                  {maxPrice.trim()
                    ? "A “price at or below” alert on this want, switched off when you buy it."
                    : "Give a maximum price first."}
                </p>
              </div>
            ) : null}
          </Section>
        ) : (
          <Section title="Purchase">
            <Field label="Price paid, each" description="Per unit: the total counts the quantity." error={errors.purchase_price?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...register("purchase_price")} />}
            </Field>
            <Field
              label="Currency"
              description={vendor?.default_currency ? `Defaults to ${vendor.default_currency}.` : "ISO 4217 code, e.g. EUR."}
              error={errors.purchase_currency?.message}
            >
              {(c) => (
                <Input {...c} maxLength={3} autoCapitalize="characters" placeholder={vendor?.default_currency ?? "EUR"} className="uppercase" {...register("purchase_currency")} />
              )}
            </Field>
            <Field label="Purchase date" error={errors.purchase_date?.message}>
              {(c) => <Input {...c} type="date" {...register("purchase_date")} />}
            </Field>
            <Field label="Fees" description="Paid on the whole purchase; counted in its cost." error={errors.purchase_fees?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...register("purchase_fees")} />}
            </Field>
            <Field label="Shipping" description="Paid on the whole purchase; counted in its cost." error={errors.purchase_shipping?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...register("purchase_shipping")} />}
            </Field>
          </Section>
        )}

        <Section title="Status" description="A sold item leaves your collection's value and counts as realised gain; a wanted one is on your want list.">
          <Field label="Status" error={errors.status?.message}>
            {(c) => (
              <NativeSelect
                {...c}
                {...register("status", {
                  onChange: (event: { target: { value: string } }) => {
                    if (event.target.value === "sold" && !form.getValues("sale_date")) form.setValue("sale_date", todayIso());
                  },
                })}
              >
                <Options choices={STATUSES} />
              </NativeSelect>
            )}
          </Field>
          {status === "sold" ? (
            <>
              <Field label="Sale price" required description="What the whole line sold for." error={errors.sale_price?.message}>
                {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...register("sale_price")} />}
              </Field>
              <Field label="Sale date" required error={errors.sale_date?.message}>
                {(c) => <Input {...c} type="date" {...register("sale_date")} />}
              </Field>
              <Field label="Sale fees" description="Fees and shipping you paid on the sale." error={errors.sale_fees?.message}>
                {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...register("sale_fees")} />}
              </Field>
              <Field
                label="Sale currency"
                description={vendor?.default_currency ? `Defaults to ${vendor.default_currency}.` : "ISO 4217 code, e.g. EUR."}
                error={errors.sale_currency?.message}
              >
                {(c) => <Input {...c} maxLength={3} autoCapitalize="characters" placeholder={vendor?.default_currency ?? "EUR"} className="uppercase" {...register("sale_currency")} />}
              </Field>
            </>
          ) : null}
        </Section>

        <Card>
          <CardHeader>
            <CardTitle className="text-base">Tags, marketplaces and notes</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-5">
            <Field label="Tags" error={errors.tags?.message ?? errors.tags?.root?.message}>
              {(c) => (
                <Controller
                  control={control}
                  name="tags"
                  render={({ field }) => <TagsInput {...c} value={field.value} onChange={field.onChange} onBlur={field.onBlur} />}
                />
              )}
            </Field>
            <ExternalIdsEditor />
            <Field label="Notes" error={errors.notes?.message}>
              {(c) => <Textarea {...c} rows={3} {...register("notes")} />}
            </Field>
          </CardContent>
        </Card>

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          {onCancel ? (
            <Button variant="outline" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : mode === "create" ? "Add item" : "Save changes"}
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}

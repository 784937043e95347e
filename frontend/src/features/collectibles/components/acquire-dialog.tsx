import { zodResolver } from "@hookform/resolvers/zod";
import { ShoppingBag } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useForm } from "react-hook-form";
import { z } from "@/lib/zod";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { Collectible } from "@/lib/api/types";
import { amountExample, amountHint, decimalInput, amountOrNull, isAmountOrEmpty } from "@/lib/money";
import { i18n } from "@/i18n";

import { useAcquireCollectible } from "../api/acquire-collectible";
import { optionalCurrency, todayIso } from "../lib/form-schema";

// Messages are functions: looked up when a value is checked, in the language of that moment.
const optionalAmount = z.string().trim().refine((v) => isAmountOrEmpty(v), { error: () => amountHint() });
const schema = z.object({
  purchase_price: z.string().trim().refine((v) => v !== "" && isAmountOrEmpty(v), { error: () => i18n.t("collectibles:acquire.pricePaid") }),
  purchase_currency: optionalCurrency(),
  purchase_date: z.string().min(1, { error: () => i18n.t("collectibles:acquire.purchaseDate") }),
  purchase_fees: optionalAmount,
  purchase_shipping: optionalAmount,
});
type Values = z.infer<typeof schema>;

/** "I bought it": records the purchase and moves the item from the want list to the collection. */
export function AcquireDialog({ item, onAcquired }: { item: Collectible; onAcquired?: (item: Collectible) => void }) {
  const { t } = useTranslation(["collectibles", "common"]);
  // The amount placeholders as the user's locale writes them ("0,00" in German).
  const zero = amountExample();
  const [open, setOpen] = useState(false);
  const acquire = useAcquireCollectible(item.id);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { purchase_price: decimalInput(item.max_price), purchase_currency: item.max_price_currency ?? "", purchase_date: todayIso(), purchase_fees: "", purchase_shipping: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    try {
      const owned = await acquire.mutateAsync({
        purchase_price: amountOrNull(v.purchase_price) ?? v.purchase_price,
        purchase_date: v.purchase_date,
        ...(v.purchase_currency ? { purchase_currency: v.purchase_currency.toUpperCase() } : {}),
        purchase_fees: amountOrNull(v.purchase_fees),
        purchase_shipping: amountOrNull(v.purchase_shipping),
      });
      toast.success(t("acquire.done", { name: owned.name }));
      setOpen(false);
      onAcquired?.(owned);
    } catch (error) {
      applyServerErrors(error, form);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>
          <ShoppingBag aria-hidden /> {t("acquire.button")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>{t("acquire.title")}</DialogTitle>
        <DialogDescription>{t("acquire.description")}</DialogDescription>
        <form noValidate onSubmit={submit} className="grid gap-4" aria-label={t("acquire.form")}>
          <FormAlert message={errors.root?.serverError?.message} />
          <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
            <Field label={t("form.pricePaid")} required error={errors.purchase_price?.message}>
              {(c) => <Input {...c} inputMode="decimal" autoFocus {...form.register("purchase_price")} />}
            </Field>
            <Field label={t("form.currency")} error={errors.purchase_currency?.message}>
              {(c) => <Input {...c} maxLength={3} className="uppercase" {...form.register("purchase_currency")} />}
            </Field>
          </div>
          <Field label={t("form.purchaseDate")} required error={errors.purchase_date?.message}>
            {(c) => <Input {...c} type="date" {...form.register("purchase_date")} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t("form.fees")} error={errors.purchase_fees?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...form.register("purchase_fees")} />}
            </Field>
            <Field label={t("form.shipping")} error={errors.purchase_shipping?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={zero} {...form.register("purchase_shipping")} />}
            </Field>
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              {t("common:actions.cancel")}
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? t("common:actions.saving") : t("acquire.submit")}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

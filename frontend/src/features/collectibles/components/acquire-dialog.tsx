import { zodResolver } from "@hookform/resolvers/zod";
import { ShoppingBag } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "@/lib/zod";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { Collectible } from "@/lib/api/types";
import { AMOUNT_HINT, amountOrNull, isAmountOrEmpty } from "@/lib/money";

import { useAcquireCollectible } from "../api/acquire-collectible";
import { todayIso } from "../lib/form-schema";

const optionalAmount = z.string().trim().refine((v) => isAmountOrEmpty(v), AMOUNT_HINT);
const schema = z.object({
  purchase_price: z.string().trim().refine((v) => v !== "" && isAmountOrEmpty(v), "What did you pay for one? e.g. 41.50"),
  purchase_currency: z.string().trim().refine((v) => v === "" || /^[A-Za-z]{3}$/.test(v), "A 3-letter ISO code, e.g. EUR."),
  purchase_date: z.string().min(1, "When did you buy it?"),
  purchase_fees: optionalAmount,
  purchase_shipping: optionalAmount,
});
type Values = z.infer<typeof schema>;

/** "I bought it": records the purchase and moves the item from the want list to the collection. */
export function AcquireDialog({ item, onAcquired }: { item: Collectible; onAcquired?: (item: Collectible) => void }) {
  const [open, setOpen] = useState(false);
  const acquire = useAcquireCollectible(item.id);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { purchase_price: item.max_price ?? "", purchase_currency: item.max_price_currency ?? "", purchase_date: todayIso(), purchase_fees: "", purchase_shipping: "" },
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
      toast.success(`“${owned.name}” is in your collection now.`);
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
          <ShoppingBag aria-hidden /> I bought it
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogTitle>I bought it</DialogTitle>
        <DialogDescription>It moves to your collection with its trackers and price history.</DialogDescription>
        <form noValidate onSubmit={submit} className="grid gap-4" aria-label="Record the purchase">
          <FormAlert message={errors.root?.serverError?.message} />
          <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
            <Field label="Price paid, each" required error={errors.purchase_price?.message}>
              {(c) => <Input {...c} inputMode="decimal" autoFocus {...form.register("purchase_price")} />}
            </Field>
            <Field label="Currency" error={errors.purchase_currency?.message}>
              {(c) => <Input {...c} maxLength={3} className="uppercase" {...form.register("purchase_currency")} />}
            </Field>
          </div>
          <Field label="Purchase date" required error={errors.purchase_date?.message}>
            {(c) => <Input {...c} type="date" {...form.register("purchase_date")} />}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Fees" error={errors.purchase_fees?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...form.register("purchase_fees")} />}
            </Field>
            <Field label="Shipping" error={errors.purchase_shipping?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="0.00" {...form.register("purchase_shipping")} />}
            </Field>
          </div>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Saving…" : "Move to my collection"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

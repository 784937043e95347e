import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { AlertRule, AlertRuleRequest, Vendor } from "@/lib/api/types";

import { useItemChoices } from "../api/items";
import { ALERT_KINDS, ruleFormSchema, ruleFormValues, toRuleRequest, type RuleFormValues } from "../lib/rule-form";

export function RuleForm({
  rule,
  vendors,
  defaultVendor,
  onSubmit,
  onCancel,
}: {
  rule?: AlertRule;
  vendors: Vendor[];
  defaultVendor: number | null;
  onSubmit: (body: AlertRuleRequest) => Promise<unknown>;
  onCancel: () => void;
}) {
  const vendor = vendors.find((v) => v.id === (rule?.vendor ?? defaultVendor)) ?? vendors[0];
  const form = useForm<RuleFormValues>({
    resolver: zodResolver(ruleFormSchema),
    defaultValues: ruleFormValues(rule, { vendor: vendor?.id ?? null, currency: vendor?.default_currency ?? "EUR" }),
  });
  const { register, control, formState } = form;
  const { errors, isSubmitting } = formState;
  const kind = useWatch({ control, name: "kind" });
  const chosenVendor = useWatch({ control, name: "vendor" });
  const info = ALERT_KINDS[kind];
  const items = useItemChoices(Number(chosenVendor) || null);
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(toRuleRequest(values));
    } catch (error) {
      applyServerErrors(error, form);
    }
  });

  return (
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={rule ? "Edit alert rule" : "New alert rule"}>
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label="Alert when" error={errors.kind?.message} description={info.help}>
        {(c) => (
          <NativeSelect {...c} {...register("kind")}>
            {Object.entries(ALERT_KINDS).map(([value, k]) => (
              <option key={value} value={value}>
                {k.label}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      {vendors.length > 1 ? (
        <Field label="Collection" error={errors.vendor?.message}>
          {(c) => (
            <NativeSelect {...c} {...register("vendor")}>
              {vendors.map((v) => (
                <option key={v.id} value={String(v.id)}>
                  {v.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      ) : null}
      {info.vendorOnly ? null : (
        <Field label="Item" error={errors.collectible?.message} description="Or every item of the collection.">
          {(c) => (
            <NativeSelect {...c} {...register("collectible")}>
              <option value="">Every item</option>
              {(items.data ?? []).map((item) => (
                <option key={item.id} value={String(item.id)}>
                  {item.status === "wanted" ? `${item.name} (wanted)` : item.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
      {info.needs.target ? (
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
          <Field label="Target price" required error={errors.target_amount?.message}>
            {(c) => <Input {...c} inputMode="decimal" placeholder="40.00" {...register("target_amount")} />}
          </Field>
          <Field label="Currency" required error={errors.target_currency?.message}>
            {(c) => <Input {...c} maxLength={3} className="uppercase" {...register("target_currency")} />}
          </Field>
        </div>
      ) : null}
      {info.needs.percent || info.needs.window ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {info.needs.percent ? (
            <Field label="By at least (%)" required error={errors.percent?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder="10" {...register("percent")} />}
            </Field>
          ) : null}
          {info.needs.window ? (
            <Field label="Within (days)" required error={errors.window_days?.message}>
              {(c) => <Input {...c} inputMode="numeric" {...register("window_days")} />}
            </Field>
          ) : null}
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" {...register("enabled")} />
        Enabled
      </label>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save rule"}
        </Button>
      </div>
    </form>
  );
}

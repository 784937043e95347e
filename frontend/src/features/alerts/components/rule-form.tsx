import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { applyServerErrors } from "@/lib/api/form-errors";
import { amountExample } from "@/lib/money";
import type { AlertKind, AlertRule, AlertRuleRequest, Vendor } from "@/lib/api/types";

import { useItemChoices } from "../api/items";
import { ALERT_KINDS, ruleFormSchema, ruleFormValues, toRuleRequest, type RuleFormValues } from "../lib/rule-form";

/** An example percent (a whole number reads the same in every locale). */
const PERCENT_EXAMPLE = "10";

const KINDS = Object.keys(ALERT_KINDS) as AlertKind[];

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
  const { t } = useTranslation(["alerts", "common"]);
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
    <form noValidate onSubmit={submit} className="grid gap-4" aria-label={rule ? t("rules.editTitle") : t("rules.newTitle")}>
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label={t("form.alertWhen")} error={errors.kind?.message} description={t(`kinds.${kind}.help`)}>
        {(c) => (
          <NativeSelect {...c} {...register("kind")}>
            {KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`kinds.${value}.label`)}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      {vendors.length > 1 ? (
        <Field label={t("form.collection")} error={errors.vendor?.message}>
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
        <Field label={t("form.item")} error={errors.collectible?.message} description={t("form.itemHelp")}>
          {(c) => (
            <NativeSelect {...c} {...register("collectible")}>
              <option value="">{t("form.everyItem")}</option>
              {(items.data ?? []).map((item) => (
                <option key={item.id} value={String(item.id)}>
                  {item.status === "wanted" ? t("form.wantedItem", { name: item.name }) : item.name}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
      )}
      {info.needs.target ? (
        <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
          <Field label={t("form.targetPrice")} required error={errors.target_amount?.message}>
            {(c) => <Input {...c} inputMode="decimal" placeholder={amountExample(40)} {...register("target_amount")} />}
          </Field>
          <Field label={t("form.currency")} required error={errors.target_currency?.message}>
            {(c) => <Input {...c} maxLength={3} className="uppercase" {...register("target_currency")} />}
          </Field>
        </div>
      ) : null}
      {info.needs.percent || info.needs.window ? (
        <div className="grid gap-4 sm:grid-cols-2">
          {info.needs.percent ? (
            <Field label={t("form.percent")} required error={errors.percent?.message}>
              {(c) => <Input {...c} inputMode="decimal" placeholder={PERCENT_EXAMPLE} {...register("percent")} />}
            </Field>
          ) : null}
          {info.needs.window ? (
            <Field label={t("form.window")} required error={errors.window_days?.message}>
              {(c) => <Input {...c} inputMode="numeric" {...register("window_days")} />}
            </Field>
          ) : null}
        </div>
      ) : null}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="size-4 accent-primary" {...register("enabled")} />
        {t("form.enabled")}
      </label>
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

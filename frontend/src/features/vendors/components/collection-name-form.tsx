import { useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { Button } from "@/components/ui/button";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toApiError } from "@/lib/api/errors";

import { collectionNameError } from "../lib/collections";

/** Name (and, for a new collection, its currency): used to create and to rename. */
export function CollectionNameForm({
  initialName = "",
  withCurrency = false,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initialName?: string;
  withCurrency?: boolean;
  submitLabel: string;
  onSubmit: (values: { name: string; default_currency?: string }) => Promise<unknown>;
  onCancel: () => void;
}) {
  const { t } = useTranslation(["vendors", "common"]);
  const [name, setName] = useState(initialName);
  const [currency, setCurrency] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nameError = collectionNameError(name, t);
    if (nameError) return setErrors({ name: nameError });
    setPending(true);
    setErrors({});
    setFormError(undefined);
    try {
      const code = currency.trim().toUpperCase();
      await onSubmit({ name: name.trim(), ...(withCurrency && code ? { default_currency: code } : {}) });
    } catch (error) {
      const { fields, message } = toApiError(error);
      setErrors({ name: fields.name?.[0], default_currency: fields.default_currency?.[0] });
      if (!fields.name && !fields.default_currency) setFormError(message);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="grid gap-4" noValidate onSubmit={(event) => void submit(event)}>
      <FormAlert message={formError} />
      <Field label={t("nameForm.name")} required error={errors.name}>
        {(control) => <Input {...control} value={name} maxLength={120} autoFocus onChange={(e) => setName(e.target.value)} />}
      </Field>
      {withCurrency ? (
        <Field label={t("nameForm.currency")} description={t("nameForm.currencyHint")} error={errors.default_currency}>
          {(control) => (
            <Input {...control} value={currency} maxLength={3} className="w-28 uppercase" onChange={(e) => setCurrency(e.target.value)} />
          )}
        </Field>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? t("common:actions.saving") : submitLabel}
        </Button>
      </div>
    </form>
  );
}

import { Check, Pencil, Plus, Trash2, X } from "lucide-react";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { deleteWithUndo } from "@/components/delete-with-undo";
import { ErrorState } from "@/components/states";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { PriceEntry } from "@/lib/api/types";
import { decimalInput, readAmount } from "@/lib/money";
import { formatDate, formatMoney } from "@/lib/utils";

import { useCorrectPriceEntry, useDeletePriceEntry } from "../api/correct-price-entry";
import { useCreatePriceEntry } from "../api/create-price-entry";
import { useManualEntries } from "../api/get-manual-entries";
import { priceKeys } from "../api/keys";
import { conditionLabel } from "../lib/labels";

/** The day part of an ISO date-time, for a date input. */
const dayOf = (iso: string | undefined) => (iso ?? "").slice(0, 10);

interface Draft {
  price: string;
  currency: string;
  day: string;
}

function PriceForm({ initial, submitLabel, pending, error, onSubmit, onCancel }: { initial: Draft; submitLabel: string; pending: boolean; error: unknown; onSubmit: (draft: Draft) => void; onCancel?: () => void }) {
  const { t } = useTranslation(["prices", "common"]);
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const reading = readAmount(draft.price);
    if (!reading.ok) {
      setInvalid(reading.error);
      return;
    }
    setInvalid(null);
    onSubmit({ ...draft, price: reading.amount, currency: draft.currency.trim().toUpperCase() });
  };
  return (
    <form onSubmit={submit} className="grid gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <div className="grid gap-1">
          <Label htmlFor={`${id}-price`} className="text-xs">
            {t("manual.price")}
          </Label>
          <Input id={`${id}-price`} inputMode="decimal" value={draft.price} onChange={(e) => setDraft({ ...draft, price: e.target.value })} className="h-8 w-28" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={`${id}-currency`} className="text-xs">
            {t("manual.currency")}
          </Label>
          <Input id={`${id}-currency`} maxLength={3} placeholder={t("manual.currencyPlaceholder")} value={draft.currency} onChange={(e) => setDraft({ ...draft, currency: e.target.value })} className="h-8 w-20 uppercase" />
        </div>
        <div className="grid gap-1">
          <Label htmlFor={`${id}-day`} className="text-xs">
            {t("manual.date")}
          </Label>
          <Input id={`${id}-day`} type="date" value={draft.day} onChange={(e) => setDraft({ ...draft, day: e.target.value })} className="h-8 w-40" />
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          <Check aria-hidden /> {pending ? t("common:actions.saving") : submitLabel}
        </Button>
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            <X aria-hidden /> {t("common:actions.cancel")}
          </Button>
        ) : null}
      </div>
      <FormAlert message={invalid ?? (error ? toApiError(error).message : undefined)} />
    </form>
  );
}

function body(draft: Draft) {
  return {
    price: draft.price,
    ...(draft.currency ? { currency: draft.currency } : {}),
    // Noon UTC: the chosen day whatever the viewer's time zone.
    ...(draft.day ? { observed_at: `${draft.day}T12:00:00Z` } : {}),
  };
}

function EntryRow({ entry, collectibleId, canEdit }: { entry: PriceEntry; collectibleId: number; canEdit: boolean }) {
  const { t } = useTranslation(["prices", "common"]);
  const [editing, setEditing] = useState(false);
  const correct = useCorrectPriceEntry(collectibleId);
  const remove = useDeletePriceEntry(collectibleId);
  const queryClient = useQueryClient();
  const condition = entry.condition ? conditionLabel(entry.condition, t) : "";
  if (editing) {
    return (
      <li>
        <PriceForm
          initial={{ price: decimalInput(entry.price), currency: entry.currency ?? "", day: dayOf(entry.observed_at) }}
          submitLabel={t("common:actions.save")}
          pending={correct.isPending}
          error={correct.error}
          onCancel={() => setEditing(false)}
          onSubmit={(draft) =>
            correct.mutate({ id: entry.id, body: body(draft) }, { onSuccess: () => { setEditing(false); toast.success(t("manual.corrected")); } })
          }
        />
      </li>
    );
  }
  const label = t("manual.entry", { price: formatMoney(entry.price, entry.currency), date: formatDate(entry.observed_at) });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="tabular-nums">
        <span className="font-medium">{formatMoney(entry.price, entry.currency)}</span>{" "}
        <span className="text-muted-foreground">
          {formatDate(entry.observed_at)}
          {condition ? ` · ${condition}` : ""}
        </span>
      </span>
      {canEdit ? (
        <span className="flex">
          <Button variant="ghost" size="icon-sm" aria-label={t("manual.correct", { entry: label })} onClick={() => setEditing(true)}>
            <Pencil aria-hidden />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("manual.delete", { entry: label })}
            className="text-destructive hover:text-destructive"
            onClick={() =>
              deleteWithUndo({
                queryClient, lists: priceKeys.manualEntries(collectibleId), ids: [entry.id], message: t("manual.deleted"),
                send: () => remove.mutateAsync(entry.id),
              })
            }
          >
            <Trash2 aria-hidden />
          </Button>
        </span>
      ) : null}
    </li>
  );
}

/** Prices entered by hand: add one, or correct or delete a mistyped one (each change is recorded). */
export function ManualPricesCard({ collectibleId, canEdit }: { collectibleId: number; canEdit: boolean }) {
  const { t } = useTranslation(["prices", "common"]);
  const entries = useManualEntries(collectibleId);
  const create = useCreatePriceEntry(collectibleId);
  const [adding, setAdding] = useState(false);

  let list;
  if (entries.isPending) list = <Skeleton className="h-16 w-full" />;
  else if (entries.isError) list = <ErrorState title={t("manual.loadError")} error={entries.error} onRetry={() => void entries.refetch()} />;
  else if (entries.data.length === 0) list = <p className="text-sm text-muted-foreground">{t("manual.empty")}</p>;
  else {
    list = (
      <ul aria-label={t("manual.listLabel")} className="grid gap-2">
        {entries.data.map((entry) => (
          <EntryRow key={entry.id} entry={entry} collectibleId={collectibleId} canEdit={canEdit} />
        ))}
      </ul>
    );
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1.5">
          <CardTitle className="text-base">{t("manual.title")}</CardTitle>
          <CardDescription>{t("manual.description")}</CardDescription>
        </div>
        {canEdit && !adding ? (
          <Button size="sm" variant="outline" onClick={() => setAdding(true)}>
            <Plus aria-hidden /> {t("manual.add")}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-3">
        {adding ? (
          <PriceForm
            initial={{ price: "", currency: "", day: "" }}
            submitLabel={t("common:actions.add")}
            pending={create.isPending}
            error={create.error}
            onCancel={() => setAdding(false)}
            onSubmit={(draft) => create.mutate(body(draft), { onSuccess: () => { setAdding(false); toast.success(t("manual.added")); } })}
          />
        ) : null}
        {list}
      </CardContent>
    </Card>
  );
}

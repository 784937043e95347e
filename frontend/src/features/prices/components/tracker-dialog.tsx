import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Search } from "lucide-react";

import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field, FormAlert } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { toApiError } from "@/lib/api/errors";
import { applyServerErrors } from "@/lib/api/form-errors";
import type { Tracker } from "@/lib/api/types";

import { useCreateTracker } from "../api/create-tracker";
import { useTestUnsavedTracker } from "../api/test-unsaved-tracker";
import { useUpdateTracker } from "../api/update-tracker";
import {
  TRACKER_SOURCES,
  conditionLabel,
  conditionsFor,
  sourceOfAddress,
  startingCondition,
  trackerSourceDescription,
  trackerSourceLabel,
} from "../lib/labels";
import {
  emptyTrackerValues,
  toTrackerRequest,
  trackerFormSchema,
  trackerFormValues,
  trackerServerField,
  type TrackerFormValues,
} from "../lib/tracker-form";
import { FindIt } from "./find-it";
import { TestResult } from "./test-result";

interface TrackerFormProps {
  collectibleId: number;
  itemCondition: string | null | undefined;
  /** The item's name and number: what "Find it" searches first. */
  itemQuery?: string | undefined;
  /** The tracker being edited; undefined for a new one. */
  tracker?: Tracker | undefined;
  onDone: (tracker: Tracker) => void;
  onCancel: () => void;
}

/** The fields that decide what a check finds (the interval does not). */
const TESTED_FIELDS = ["source", "url", "selector", "attribute", "condition", "currency"] as const;

/**
 * Add or edit a tracker. "Test" checks the page once with the form's CURRENT values
 * (`POST …/trackers/test/`, nothing is saved or recorded), so a tracker can be tried and
 * fixed before it exists; "Save" creates it or applies the edits and closes the dialog.
 */
export function TrackerForm({ collectibleId, itemCondition, itemQuery = "", tracker, onDone, onCancel }: TrackerFormProps) {
  const { t } = useTranslation(["prices", "common"]);
  const create = useCreateTracker(collectibleId);
  const update = useUpdateTracker(collectibleId);
  const test = useTestUnsavedTracker(collectibleId);
  /** The tested fields as they were when the shown result was asked for. */
  const [testedKey, setTestedKey] = useState<string | null>(null);
  const [finding, setFinding] = useState(false);
  const form = useForm<TrackerFormValues>({
    resolver: zodResolver(trackerFormSchema),
    defaultValues: tracker ? trackerFormValues(tracker) : emptyTrackerValues(itemCondition),
  });
  const { register, formState, control } = form;
  const { errors, isSubmitting } = formState;
  const source = useWatch({ control, name: "source" });
  const url = useWatch({ control, name: "url" });
  const pageSource = source || sourceOfAddress(url);
  const conditions = conditionsFor(pageSource);
  // A source whose pages have a fixed set of conditions (PriceCharting) never keeps one
  // it cannot match: its starting condition takes over.
  useEffect(() => {
    const current = form.getValues("condition");
    if (current && !conditionsFor(pageSource).includes(current)) {
      form.setValue("condition", startingCondition(pageSource, itemCondition), { shouldDirty: true });
    }
  }, [pageSource, form, itemCondition]);
  const sourceHelp = source ? trackerSourceDescription(source, t) : t("trackerDialog.automaticHelp");
  const currentKey = JSON.stringify(useWatch({ control, name: TESTED_FIELDS }));
  const testError = test.error ? toApiError(test.error) : null;
  const stale = test.data !== undefined && testedKey !== currentKey;

  const submit = form.handleSubmit(async (values) => {
    const body = toTrackerRequest(values);
    try {
      const result = tracker ? await update.mutateAsync({ trackerId: tracker.id, body }) : await create.mutateAsync(body);
      onDone(result);
    } catch (error) {
      applyServerErrors(error, form, { mapField: trackerServerField });
    }
  });

  // Validated by the same schema as Save; the server's 400 fields land on the form fields.
  const runTest = form.handleSubmit((values) => {
    setTestedKey(JSON.stringify(form.getValues([...TESTED_FIELDS])));
    test.mutate(toTrackerRequest(values), {
      onError: (error) => {
        if (toApiError(error).isValidation) applyServerErrors(error, form, { mapField: trackerServerField });
      },
    });
  });

  return (
    <form noValidate onSubmit={submit} aria-label={tracker ? t("trackerDialog.editLabel") : t("trackerDialog.newLabel")} className="grid gap-4">
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label={t("trackerDialog.source")} required error={errors.source?.message} description={sourceHelp}>
        {(c) => (
          <NativeSelect {...c} {...register("source")}>
            {tracker ? null : <option value="">{t("trackerDialog.automatic")}</option>}
            {TRACKER_SOURCES.map((s) => (
              <option key={s} value={s}>
                {trackerSourceLabel(s, t)}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <div className="flex items-start gap-2">
        <Field label={t("trackerDialog.url")} required error={errors.url?.message} className="min-w-0 flex-1">
          {(c) => (
            <Input {...c} type="url" inputMode="url" placeholder={t("trackerDialog.urlPlaceholder")} autoComplete="off" {...register("url")} />
          )}
        </Field>
        <Button type="button" variant="outline" className="mt-[1.625rem]" aria-expanded={finding} onClick={() => setFinding((open) => !open)}>
          <Search aria-hidden />
          {t("trackerDialog.findIt")}
        </Button>
      </div>
      {finding ? (
        <FindIt
          collectibleId={collectibleId}
          itemQuery={itemQuery}
          source={source}
          onPick={(match, picked) => {
            form.setValue("source", picked, { shouldDirty: true });
            form.setValue("url", match.url, { shouldDirty: true, shouldValidate: true });
            setFinding(false);
          }}
        />
      ) : null}
      {source === "css" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("trackerDialog.selector")} required error={errors.selector?.message} description={t("trackerDialog.selectorHelp")}>
            {(c) => <Input {...c} autoComplete="off" spellCheck={false} {...register("selector")} />}
          </Field>
          <Field label={t("trackerDialog.attribute")} error={errors.attribute?.message} description={t("trackerDialog.attributeHelp")}>
            {(c) => <Input {...c} autoComplete="off" spellCheck={false} {...register("attribute")} />}
          </Field>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t("trackerDialog.condition")} error={errors.condition?.message} className="sm:col-span-1">
          {(c) => (
            <NativeSelect {...c} {...register("condition")}>
              <option value="">{t("trackerDialog.anyCondition")}</option>
              {conditions.map((condition) => (
                <option key={condition} value={condition}>
                  {conditionLabel(condition, t)}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label={t("trackerDialog.interval")} required error={errors.interval_hours?.message}>
          {(c) => <Input {...c} inputMode="decimal" {...register("interval_hours")} />}
        </Field>
        <Field label={t("trackerDialog.currency")} error={errors.currency?.message} description={t("trackerDialog.currencyHelp")}>
          {(c) => (
            <Input
              {...c}
              maxLength={3}
              placeholder={t("trackerDialog.currencyPlaceholder")}
              className="uppercase"
              autoCapitalize="characters"
              {...register("currency")}
            />
          )}
        </Field>
      </div>

      <p className="text-xs text-muted-foreground">{t("trackerDialog.testHelp")}</p>
      {test.isPending ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("trackerDialog.checking")}
        </p>
      ) : null}
      {test.data ? (
        <div className="grid gap-1.5">
          <TestResult result={test.data} />
          {stale ? (
            <p className="text-xs text-muted-foreground">{t("trackerDialog.stale")}</p>
          ) : null}
        </div>
      ) : null}
      {testError && !testError.isValidation ? <FormAlert message={t("trackerDialog.testCouldNotRun", { message: testError.message })} /> : null}
      {testError?.isValidation ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("trackerDialog.testInvalid")}
        </p>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" onClick={onCancel}>
          {t("common:actions.cancel")}
        </Button>
        <Button variant="secondary" disabled={isSubmitting || test.isPending} onClick={() => void runTest()}>
          {test.isPending ? t("trackerDialog.testing") : t("trackerDialog.test")}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("common:actions.saving") : t("common:actions.save")}
        </Button>
      </div>
    </form>
  );
}

export function TrackerDialog({
  open,
  onOpenChange,
  ...props
}: Omit<TrackerFormProps, "onDone" | "onCancel"> & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSaved?: (tracker: Tracker) => void;
}) {
  const { t } = useTranslation("prices");
  const { onSaved, ...formProps } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{props.tracker ? t("trackerDialog.editTitle") : t("trackerDialog.addTitle")}</DialogTitle>
          <DialogDescription>{t("trackerDialog.description")}</DialogDescription>
        </DialogHeader>
        {open ? (
          <TrackerForm
            {...formProps}
            onDone={(tracker) => {
              onSaved?.(tracker);
              onOpenChange(false);
            }}
            onCancel={() => onOpenChange(false)}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
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
import { TRACKER_SOURCES, conditionsFor, sourceOfAddress, startingCondition } from "../lib/labels";
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

const AUTOMATIC_SOURCE_HELP =
  "Chosen from the page address: PriceCharting, eBay and Cardmarket pages are read as such, other shops from their structured data.";

/** The fields that decide what a check finds (the interval does not). */
const TESTED_FIELDS = ["source", "url", "selector", "attribute", "condition", "currency"] as const;

/**
 * Add or edit a tracker. "Test" checks the page once with the form's CURRENT values
 * (`POST …/trackers/test/`, nothing is saved or recorded), so a tracker can be tried and
 * fixed before it exists; "Save" creates it or applies the edits and closes the dialog.
 */
export function TrackerForm({ collectibleId, itemCondition, itemQuery = "", tracker, onDone, onCancel }: TrackerFormProps) {
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
    if (current && !conditionsFor(pageSource).some((c) => c.value === current)) {
      form.setValue("condition", startingCondition(pageSource, itemCondition), { shouldDirty: true });
    }
  }, [pageSource, form, itemCondition]);
  const sourceHelp = source ? TRACKER_SOURCES.find((s) => s.value === source)?.description : AUTOMATIC_SOURCE_HELP;
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
    <form noValidate onSubmit={submit} aria-label={tracker ? "Edit tracker" : "New tracker"} className="grid gap-4">
      <FormAlert message={errors.root?.serverError?.message} />
      <Field label="Source" required error={errors.source?.message} description={sourceHelp}>
        {(c) => (
          <NativeSelect {...c} {...register("source")}>
            {tracker ? null : <option value="">Automatic (from the address)</option>}
            {TRACKER_SOURCES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </NativeSelect>
        )}
      </Field>
      <div className="flex items-start gap-2">
        <Field label="Page address" required error={errors.url?.message} className="min-w-0 flex-1">
          {(c) => <Input {...c} type="url" inputMode="url" placeholder="https://shop.example/item/42" autoComplete="off" {...register("url")} />}
        </Field>
        <Button type="button" variant="outline" className="mt-[1.625rem]" aria-expanded={finding} onClick={() => setFinding((open) => !open)}>
          <Search aria-hidden />
          Find it
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
          <Field label="CSS selector" required error={errors.selector?.message} description="Where the price is, e.g. .price or #buy-box .amount.">
            {(c) => <Input {...c} autoComplete="off" spellCheck={false} {...register("selector")} />}
          </Field>
          <Field label="Attribute" error={errors.attribute?.message} description="Optional: read this attribute (e.g. content) instead of the text.">
            {(c) => <Input {...c} autoComplete="off" spellCheck={false} {...register("attribute")} />}
          </Field>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Condition" error={errors.condition?.message} className="sm:col-span-1">
          {(c) => (
            <NativeSelect {...c} {...register("condition")}>
              <option value="">Any condition</option>
              {conditions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </NativeSelect>
          )}
        </Field>
        <Field label="Check every (hours)" required error={errors.interval_hours?.message}>
          {(c) => <Input {...c} inputMode="decimal" {...register("interval_hours")} />}
        </Field>
        <Field label="Currency" error={errors.currency?.message} description="If the page doesn't say.">
          {(c) => <Input {...c} maxLength={3} placeholder="EUR" className="uppercase" autoCapitalize="characters" {...register("currency")} />}
        </Field>
      </div>

      <p className="text-xs text-muted-foreground">
        “Test” checks the page once with the values above and shows what a check would record. Nothing is saved or recorded
        until you press “Save”; after that the page is checked on the schedule.
      </p>
      {test.isPending ? (
        <p role="status" className="text-sm text-muted-foreground">
          Checking the page…
        </p>
      ) : null}
      {test.data ? (
        <div className="grid gap-1.5">
          <TestResult result={test.data} />
          {stale ? (
            <p className="text-xs text-muted-foreground">This result is for the values before your last change: test again to check them.</p>
          ) : null}
        </div>
      ) : null}
      {testError && !testError.isValidation ? <FormAlert message={`The test could not run: ${testError.message}`} /> : null}
      {testError?.isValidation ? (
        <p role="status" className="text-sm text-muted-foreground">
          The test did not run: fix the marked fields and test again.
        </p>
      ) : null}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="secondary" disabled={isSubmitting || test.isPending} onClick={() => void runTest()}>
          {test.isPending ? "Testing…" : "Test"}
        </Button>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
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
  const { onSaved, ...formProps } = props;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] overflow-y-auto sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{props.tracker ? "Edit tracker" : "Add a tracker"}</DialogTitle>
          <DialogDescription>
            A page whose price is checked on a schedule and recorded in this item's history. Test it before saving to see what a
            check finds.
          </DialogDescription>
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

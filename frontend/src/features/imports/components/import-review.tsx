import { AlertTriangle } from "lucide-react";
import { useId } from "react";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormAlert } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toApiError } from "@/lib/api/errors";
import { NativeSelect } from "@/components/ui/native-select";
import { CATEGORIES, CONDITIONS, labelOf } from "@/lib/choices";

import { useCommitImport } from "../api/commit-import";
import type { ImportJob, OnDuplicate, PreviewRow, RowError } from "@/lib/api/types";
import { useUpdateImport } from "../api/update-import";
import { PROFILE_LABELS, cellText } from "../lib/targets";
import { ConditionValueMap, MappingTable } from "./import-mapping";

const ON_DUPLICATE: { value: OnDuplicate; label: string; hint: string }[] = [
  { value: "skip", label: "Skip it", hint: "Keep the item you have." },
  { value: "update", label: "Update it", hint: "Overwrite its details from the file." },
  { value: "add", label: "Add another", hint: "Import it as a new item anyway." },
];

const ACTION_LABEL: Record<PreviewRow["action"], string> = { create: "New", update: "Update", skip: "Skip", error: "Error" };

const text = cellText;

export function RowErrors({ errors, title }: { errors: RowError[]; title: string }) {
  if (errors.length === 0) return null;
  return (
    <section aria-label={title} className="grid gap-2">
      <h3 className="flex items-center gap-2 text-sm font-medium">
        <AlertTriangle aria-hidden className="size-4 text-warning" /> {title}
      </h3>
      <ul className="grid max-h-64 gap-1 overflow-y-auto text-sm">
        {errors.map((e, index) => (
          <li key={`${String(e.row)}-${e.column ?? ""}-${String(index)}`}>
            <span className="font-medium">Row {e.row}</span>
            {e.column ? <span className="text-muted-foreground"> · {e.column}</span> : null}: {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  return (
    <Table aria-label="Preview">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="text-right">Row</TableHead>
          <TableHead>Will be</TableHead>
          <TableHead>Name</TableHead>
          <TableHead>Set</TableHead>
          <TableHead>Condition</TableHead>
          <TableHead className="text-right">Qty</TableHead>
          <TableHead className="text-right">Paid</TableHead>
          <TableHead>Purchased</TableHead>
          <TableHead>Problems</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.row}>
            <TableCell className="text-right tabular-nums">{row.row}</TableCell>
            <TableCell>
              <Badge variant={row.action === "error" ? "destructive" : row.action === "create" ? "default" : "outline"}>{ACTION_LABEL[row.action]}</Badge>
            </TableCell>
            <TableCell className="max-w-56 truncate font-medium">{text(row.item.name)}</TableCell>
            <TableCell className="max-w-40 truncate">{text(row.item.set_name)}</TableCell>
            <TableCell>{row.item.condition ? labelOf(CONDITIONS, text(row.item.condition)) : ""}</TableCell>
            <TableCell className="text-right tabular-nums">{text(row.item.quantity)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {text(row.item.purchase_price)} {text(row.item.purchase_currency)}
            </TableCell>
            <TableCell className="whitespace-nowrap">{text(row.item.purchase_date)}</TableCell>
            <TableCell className="max-w-72 text-xs text-destructive">{row.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join("; ")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Step 2: check the columns and values, choose what duplicates do, then import. */
export function ImportReview({ job, onCancel }: { job: ImportJob; onCancel: () => void }) {
  const id = useId();
  const update = useUpdateImport(job.id);
  const commit = useCommitImport(job.id);
  const busy = update.isPending || commit.isPending;
  const counts = job.counts;
  const toImport = counts.create + counts.update;

  return (
    <div className="grid gap-4">
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Columns of {job.file_name}</CardTitle>
          <CardDescription>
            {job.profile && PROFILE_LABELS[job.profile] ? `Recognised as ${PROFILE_LABELS[job.profile] ?? ""}. ` : ""}
            Check what each column is imported as; the preview below follows your changes.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4" aria-busy={update.isPending}>
          <MappingTable job={job} disabled={busy} onChange={(mapping) => update.mutate({ mapping })} />
          {update.isError ? <FormAlert message={toApiError(update.error).message} /> : null}
        </CardContent>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Condition values</CardTitle>
            <CardDescription>How the file&apos;s words read as conditions.</CardDescription>
          </CardHeader>
          <CardContent>
            <ConditionValueMap
              value={job.value_maps.condition ?? {}}
              disabled={busy}
              onChange={(condition) => update.mutate({ value_maps: { ...job.value_maps, condition } })}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Options</CardTitle>
            <CardDescription>When a row matches an item you have (by marketplace id, else by name, set, number, condition and grade):</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <fieldset className="grid gap-2">
              <legend className="sr-only">When a row matches an item you have</legend>
              {ON_DUPLICATE.map((option) => (
                <label key={option.value} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-dup`}
                    value={option.value}
                    checked={job.on_duplicate === option.value}
                    disabled={busy}
                    onChange={() => update.mutate({ on_duplicate: option.value })}
                    className="mt-0.5 accent-primary"
                  />
                  <span>
                    {option.label} <span className="text-muted-foreground">— {option.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-category`}>Category for rows without one</Label>
              <NativeSelect
                id={`${id}-category`}
                value={job.defaults.category ?? ""}
                disabled={busy}
                onChange={(e) => {
                  const { category: _old, ...others } = job.defaults;
                  update.mutate({ defaults: e.target.value ? { ...others, category: e.target.value } : others });
                }}
              >
                <option value="">None: such rows are skipped</option>
                {CATEGORIES.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex items-center gap-2">
              <Checkbox id={`${id}-day-first`} checked={job.day_first} disabled={busy} onCheckedChange={(v) => update.mutate({ day_first: v === true })} />
              <Label htmlFor={`${id}-day-first`} className="font-normal">
                Dates are day first (05/03/2024 is 5 March)
              </Label>
            </div>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Preview</CardTitle>
          <CardDescription>
            {`${String(counts.rows)} rows: ${String(counts.create)} new, ${String(counts.update)} to update, ${String(counts.skip)} to skip, ${String(counts.error)} with errors (skipped). The first rows as they would be stored:`}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <PreviewTable rows={job.preview} />
          <RowErrors errors={job.errors} title="Rows with errors" />
        </CardContent>
      </Card>

      {commit.isError ? <FormAlert message={toApiError(commit.error).message} /> : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" onClick={onCancel} disabled={commit.isPending}>
          Choose another file
        </Button>
        <Button onClick={() => commit.mutate()} disabled={busy || toImport === 0}>
          {commit.isPending ? "Starting…" : `Import ${String(toImport)} row${toImport === 1 ? "" : "s"}`}
        </Button>
      </div>
    </div>
  );
}

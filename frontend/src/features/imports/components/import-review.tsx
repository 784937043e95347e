import { AlertTriangle } from "lucide-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormAlert } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toApiError } from "@/lib/api/errors";
import { NativeSelect } from "@/components/ui/native-select";
import { CATEGORIES, CONDITIONS, labelOf, translatedChoices } from "@/lib/choices";

import { useCommitImport } from "../api/commit-import";
import type { ImportJob, OnDuplicate, PreviewRow, RowError } from "@/lib/api/types";
import { useUpdateImport } from "../api/update-import";
import { cellText, knownProfile } from "../lib/targets";
import { ConditionValueMap, MappingTable } from "./import-mapping";

/** The choices in order; named `review.onDuplicate.…`, explained `review.onDuplicateHint.…`. */
const ON_DUPLICATE: OnDuplicate[] = ["skip", "update", "add"];

const text = cellText;

export function RowErrors({ errors, title }: { errors: RowError[]; title: string }) {
  const { t } = useTranslation("imports");
  if (errors.length === 0) return null;
  return (
    <section aria-label={title} className="grid gap-2">
      <h3 className="flex items-center gap-2 text-sm font-medium">
        <AlertTriangle aria-hidden className="size-4 text-warning" /> {title}
      </h3>
      <ul className="grid max-h-64 gap-1 overflow-y-auto text-sm">
        {errors.map((e, index) => (
          <li key={`${String(e.row)}-${e.column ?? ""}-${String(index)}`}>
            <span className="font-medium">{t("rowErrors.row", { row: e.row })}</span>
            {e.column ? <span className="text-muted-foreground"> {t("rowErrors.column", { column: e.column })}</span> : null}: {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function PreviewTable({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation("imports");
  return (
    <Table aria-label={t("review.preview")}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="text-right">{t("preview.row")}</TableHead>
          <TableHead>{t("preview.willBe")}</TableHead>
          <TableHead>{t("preview.name")}</TableHead>
          <TableHead>{t("preview.set")}</TableHead>
          <TableHead>{t("preview.condition")}</TableHead>
          <TableHead className="text-right">{t("preview.quantity")}</TableHead>
          <TableHead className="text-right">{t("preview.paid")}</TableHead>
          <TableHead>{t("preview.purchased")}</TableHead>
          <TableHead>{t("preview.problems")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.row}>
            <TableCell className="text-right tabular-nums">{row.row}</TableCell>
            <TableCell>
              <Badge variant={row.action === "error" ? "destructive" : row.action === "create" ? "default" : "outline"}>{t(`preview.actions.${row.action}`)}</Badge>
            </TableCell>
            <TableCell className="max-w-56 truncate font-medium">{text(row.item.name)}</TableCell>
            <TableCell className="max-w-40 truncate">{text(row.item.set_name)}</TableCell>
            <TableCell>{row.item.condition ? labelOf(CONDITIONS, text(row.item.condition), t) : ""}</TableCell>
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
  const { t } = useTranslation("imports");
  const profile = knownProfile(job.profile);
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
          <CardTitle className="text-base">{t("review.columnsOf", { file: job.file_name })}</CardTitle>
          <CardDescription>{profile ? t(`profiles.${profile}`) : t("review.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4" aria-busy={update.isPending}>
          <MappingTable job={job} disabled={busy} onChange={(mapping) => update.mutate({ mapping })} />
          {update.isError ? <FormAlert message={toApiError(update.error).message} /> : null}
        </CardContent>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="text-base">{t("review.conditionValues")}</CardTitle>
            <CardDescription>{t("review.conditionValuesHint")}</CardDescription>
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
            <CardTitle className="text-base">{t("review.options")}</CardTitle>
            <CardDescription>{t("review.optionsHint")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <fieldset className="grid gap-2">
              <legend className="sr-only">{t("review.duplicateLegend")}</legend>
              {ON_DUPLICATE.map((option) => (
                <label key={option} className="flex items-start gap-2 text-sm">
                  <input
                    type="radio"
                    name={`${id}-dup`}
                    value={option}
                    checked={job.on_duplicate === option}
                    disabled={busy}
                    onChange={() => update.mutate({ on_duplicate: option })}
                    className="mt-0.5 accent-primary"
                  />
                  <span>
                    {t(`review.onDuplicate.${option}`)}{" "}
                    <span className="text-muted-foreground">{t(`review.onDuplicateHint.${option}`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <div className="grid gap-1.5">
              <Label htmlFor={`${id}-category`}>{t("review.category")}</Label>
              <NativeSelect
                id={`${id}-category`}
                value={job.defaults.category ?? ""}
                disabled={busy}
                onChange={(e) => {
                  const { category: _old, ...others } = job.defaults;
                  update.mutate({ defaults: e.target.value ? { ...others, category: e.target.value } : others });
                }}
              >
                <option value="">{t("review.noCategory")}</option>
                {translatedChoices(CATEGORIES, t).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="flex items-center gap-2">
              <Checkbox id={`${id}-day-first`} checked={job.day_first} disabled={busy} onCheckedChange={(v) => update.mutate({ day_first: v === true })} />
              <Label htmlFor={`${id}-day-first`} className="font-normal">
                {t("dayFirst")}
              </Label>
            </div>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="text-base">{t("review.preview")}</CardTitle>
          <CardDescription>
            {t("review.previewSummary", { rows: counts.rows, create: counts.create, update: counts.update, skip: counts.skip, error: counts.error })}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <PreviewTable rows={job.preview} />
          <RowErrors errors={job.errors} title={t("review.rowsWithErrors")} />
        </CardContent>
      </Card>

      {commit.isError ? <FormAlert message={toApiError(commit.error).message} /> : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" onClick={onCancel} disabled={commit.isPending}>
          {t("review.chooseAnother")}
        </Button>
        <Button onClick={() => commit.mutate()} disabled={busy || toImport === 0}>
          {commit.isPending ? t("review.starting") : t("review.importRows", { count: toImport })}
        </Button>
      </div>
    </div>
  );
}

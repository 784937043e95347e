import { CheckCircle2, CircleAlert, Undo2 } from "lucide-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormAlert } from "@/components/ui/form";
import { toast } from "@/components/ui/toast";
import { paths } from "@/config/paths";
import { toApiError } from "@/lib/api/errors";

import { useUndoImport } from "../api/commit-import";
import type { ImportJob } from "@/lib/api/types";
import { RowErrors } from "./import-review";

/** Step 3: the rows being written, polled until the job is done. */
export function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation("imports");
  const percent = job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">{t("progress.title", { file: job.file_name })}</CardTitle>
        <CardDescription>
          {job.status === "queued" ? t("progress.waiting") : t("progress.done", { processed: job.processed, total: job.total })}{" "}
          {t("progress.leave")}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <div
          role="progressbar"
          aria-label={t("progress.label")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={t("progress.valueText", { processed: job.processed, total: job.total })}
          className="h-2.5 overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-[width] duration-500" style={{ width: `${String(percent)}%` }} />
        </div>
      </CardContent>
    </Card>
  );
}

function Count({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-lg border p-3" data-testid={testId}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}

/** Step 4: what the import did, a way to the items, and undo. */
export function ImportResult({ job, onAnother }: { job: ImportJob; onAnother: () => void }) {
  const { t } = useTranslation("imports");
  const undo = useUndoImport(job.id);
  const undone = job.status === "undone";
  const failed = job.status === "failed";
  const itemsUrl = `${paths.collection}?vendor=${String(job.vendor)}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          {failed ? <CircleAlert aria-hidden className="size-5 text-destructive" /> : <CheckCircle2 aria-hidden className="size-5 text-success" />}
          {t(undone ? "result.undone" : failed ? "result.failed" : job.status === "partial" ? "result.partial" : "result.complete")}
        </CardTitle>
        <CardDescription>{undone ? t("result.undoneDescription") : job.file_name}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {failed && job.error ? <FormAlert message={job.error} /> : null}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Count label={t("result.created")} value={job.created} testId="import-created" />
          <Count label={t("result.updated")} value={job.updated} testId="import-updated" />
          <Count label={t("result.skipped")} value={job.skipped} testId="import-skipped" />
          <Count label={t("result.failedCount")} value={job.failed} testId="import-failed" />
        </dl>
        <RowErrors errors={job.errors} title={t("result.rowsNotImported")} />
        {undo.isError ? <FormAlert message={toApiError(undo.error).message} /> : null}
        <div className="flex flex-wrap gap-2">
          {!undone && !failed ? (
            <Button asChild>
              <Link to={itemsUrl}>{t("result.seeItems")}</Link>
            </Button>
          ) : null}
          <Button variant="outline" onClick={onAnother}>
            {t("result.another")}
          </Button>
          {!undone && !failed && job.created + job.updated > 0 ? (
            <Button
              variant="outline"
              className="text-destructive hover:text-destructive"
              disabled={undo.isPending}
              onClick={() => undo.mutate(undefined, { onSuccess: () => toast.success(t("result.undoneToast")) })}
            >
              <Undo2 aria-hidden /> {undo.isPending ? t("result.undoing") : t("result.undo")}
            </Button>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

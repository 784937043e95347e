import { CheckCircle2, CircleAlert, Undo2 } from "lucide-react";
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
  const percent = job.total > 0 ? Math.round((job.processed / job.total) * 100) : 0;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Importing {job.file_name}…</CardTitle>
        <CardDescription>{job.status === "queued" ? "Waiting for a worker." : `${String(job.processed)} of ${String(job.total)} rows done.`} You can leave this page: the import goes on.</CardDescription>
      </CardHeader>
      <CardContent>
        <div
          role="progressbar"
          aria-label="Import progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          aria-valuetext={`${String(job.processed)} of ${String(job.total)} rows`}
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
  const undo = useUndoImport(job.id);
  const undone = job.status === "undone";
  const failed = job.status === "failed";
  const itemsUrl = `${paths.collection}?vendor=${String(job.vendor)}`;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2 text-base">
          {failed ? <CircleAlert aria-hidden className="size-5 text-destructive" /> : <CheckCircle2 aria-hidden className="size-5 text-success" />}
          {undone ? "Import undone" : failed ? "The import failed" : job.status === "partial" ? "Imported, with some rows skipped" : "Import complete"}
        </CardTitle>
        <CardDescription>{undone ? "Every item it added or changed is back as it was." : job.file_name}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {failed && job.error ? <FormAlert message={job.error} /> : null}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          <Count label="Created" value={job.created} testId="import-created" />
          <Count label="Updated" value={job.updated} testId="import-updated" />
          <Count label="Skipped" value={job.skipped} testId="import-skipped" />
          <Count label="Failed" value={job.failed} testId="import-failed" />
        </dl>
        <RowErrors errors={job.errors} title="Rows not imported" />
        {undo.isError ? <FormAlert message={toApiError(undo.error).message} /> : null}
        <div className="flex flex-wrap gap-2">
          {!undone && !failed ? (
            <Button asChild>
              <Link to={itemsUrl}>See the items</Link>
            </Button>
          ) : null}
          <Button variant="outline" onClick={onAnother}>
            Import another file
          </Button>
          {!undone && !failed && job.created + job.updated > 0 ? (
            <Button
              variant="outline"
              className="text-destructive hover:text-destructive"
              disabled={undo.isPending}
              onClick={() => undo.mutate(undefined, { onSuccess: () => toast.success("The import was undone.") })}
            >
              <Undo2 aria-hidden /> {undo.isPending ? "Undoing…" : "Undo this import"}
            </Button>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}

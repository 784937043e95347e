import { RefreshCw } from "lucide-react";
import { useEffect, useRef, useState } from "react";

import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form";
import { toast } from "@/components/ui/toast";
import { toApiError } from "@/lib/api/errors";
import type { ScrapeJob } from "@/lib/api/types";
import { cn } from "@/lib/utils";

import { useScrapeJob } from "../api/get-scrape-job";
import { useRefreshPrices } from "../api/refresh-prices";
import { jobSummary, trackersDone } from "../lib/jobs";
import { failureSentence } from "../lib/labels";

const QUEUE_DOWN =
  "Prices cannot be refreshed right now: the background task queue is unavailable. Nothing was changed — try again in a minute.";

function Progress({ job }: { job: ScrapeJob }) {
  const total = job.trackers_total;
  const finished = trackersDone(job);
  const percent = total > 0 ? Math.round((finished / total) * 100) : 0;
  return (
    <div className="grid gap-1.5">
      <div className="flex justify-between text-xs text-muted-foreground">
        <span>{job.status === "queued" ? "Waiting for the worker…" : "Checking prices…"}</span>
        <span>
          {finished} of {total} trackers checked
        </span>
      </div>
      <div
        role="progressbar"
        aria-label="Refreshing prices"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={`${String(finished)} of ${String(total)} trackers checked`}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${String(Math.max(percent, 4))}%` }} />
      </div>
    </div>
  );
}

function Outcome({ job, onDismiss }: { job: ScrapeJob; onDismiss: () => void }) {
  const failures = job.runs.filter((run) => run.status === "failed");
  const ok = job.status === "succeeded";
  return (
    <div role="status" className={cn("grid gap-1 rounded-md border px-3 py-2 text-sm", ok ? "border-success/40 bg-success/5" : "border-destructive/40 bg-destructive/5")}>
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium">
          {job.status === "failed" ? "Refresh failed" : "Refresh finished"}: {jobSummary(job)}
        </p>
        <Button variant="ghost" size="sm" className="-my-1 h-7" onClick={onDismiss}>
          Dismiss
        </Button>
      </div>
      {job.error ? <p className="text-muted-foreground">{job.error}</p> : null}
      {failures.length > 0 ? (
        <ul className="grid gap-0.5 text-muted-foreground">
          {failures.map((run) => (
            <li key={run.id} className="break-words">
              <span className="text-foreground">{run.url}</span>: {failureSentence(run.error_kind)}
              {run.error_message ? ` (${run.error_message})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * "Refresh prices now": POST refresh-prices, then follow the ScrapeJob (polling) with a
 * progress bar until it finishes; the job hook then invalidates trackers and series.
 */
export function RefreshPrices({ collectibleId, disabledReason }: { collectibleId: number; disabledReason?: string | undefined }) {
  const [jobId, setJobId] = useState<number | null>(null);
  const refresh = useRefreshPrices(collectibleId);
  const job = useScrapeJob(collectibleId, jobId);
  const data = job.data?.id === jobId ? job.data : undefined;
  const running = refresh.isPending || (jobId !== null && !data?.is_finished && !job.isError);

  const announced = useRef<number | null>(null);
  useEffect(() => {
    if (!data?.is_finished || announced.current === data.id) return;
    announced.current = data.id;
    if (data.status === "succeeded") toast.success(`Prices refreshed: ${jobSummary(data)}`);
    else toast.error(`Refresh ${data.status === "failed" ? "failed" : "partly failed"}: ${jobSummary(data)}`);
  }, [data]);

  const error = refresh.isError ? toApiError(refresh.error) : null;
  const errorMessage = error ? (error.status === 503 ? QUEUE_DOWN : error.message) : null;

  return (
    <div className="grid gap-3">
      <div>
        <Button
          variant="outline"
          disabled={running || disabledReason !== undefined}
          title={disabledReason}
          onClick={() => {
            refresh.reset();
            refresh.mutate(undefined, { onSuccess: (started) => setJobId(started.id) });
          }}
        >
          <RefreshCw aria-hidden className={cn(running && "animate-spin motion-reduce:animate-none")} />
          {running ? "Refreshing…" : "Refresh prices now"}
        </Button>
      </div>
      {errorMessage ? <FormAlert message={errorMessage} /> : null}
      {jobId !== null && job.isError ? <FormAlert message={`Could not follow the refresh: ${toApiError(job.error).message}`} /> : null}
      {data && !data.is_finished ? <Progress job={data} /> : null}
      {data?.is_finished ? <Outcome job={data} onDismiss={() => setJobId(null)} /> : null}
    </div>
  );
}

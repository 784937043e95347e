import { RefreshCw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

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

function Progress({ job }: { job: ScrapeJob }) {
  const { t } = useTranslation("prices");
  const total = job.trackers_total;
  const finished = trackersDone(job);
  const percent = total > 0 ? Math.round((finished / total) * 100) : 0;
  return (
    <div className="grid gap-1.5">
      <div className="flex justify-between text-xs text-muted-foreground">
        <span>{job.status === "queued" ? t("refresh.waiting") : t("refresh.checking")}</span>
        <span>{t("refresh.progress", { done: finished, total })}</span>
      </div>
      <div
        role="progressbar"
        aria-label={t("refresh.progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={finished}
        aria-valuetext={t("refresh.progress", { done: finished, total })}
        className="h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="h-full rounded-full bg-primary transition-[width] duration-500" style={{ width: `${String(Math.max(percent, 4))}%` }} />
      </div>
    </div>
  );
}

function Outcome({ job, onDismiss }: { job: ScrapeJob; onDismiss: () => void }) {
  const { t } = useTranslation("prices");
  const failures = job.runs.filter((run) => run.status === "failed");
  const ok = job.status === "succeeded";
  return (
    <div role="status" className={cn("grid gap-1 rounded-md border px-3 py-2 text-sm", ok ? "border-success/40 bg-success/5" : "border-destructive/40 bg-destructive/5")}>
      <div className="flex items-start justify-between gap-2">
        <p className="font-medium">
          {t(job.status === "failed" ? "refresh.outcomeFailed" : "refresh.outcomeFinished", { summary: jobSummary(job, t) })}
        </p>
        <Button variant="ghost" size="sm" className="-my-1 h-7" onClick={onDismiss}>
          {t("refresh.dismiss")}
        </Button>
      </div>
      {/* One of the API's own sentences, written in the request's language (never a raw exception). */}
      {job.error ? <p className="text-muted-foreground">{job.error}</p> : null}
      {failures.length > 0 ? (
        <ul className="grid gap-0.5 text-muted-foreground">
          {failures.map((run) => (
            <li key={run.id} className="break-words">
              <span className="text-foreground">{run.url}</span>:{" "}
              {run.error_message
                ? t("refresh.runFailureDetails", { failure: failureSentence(run.error_kind, t), details: run.error_message })
                : failureSentence(run.error_kind, t)}
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
  const { t } = useTranslation("prices");
  const [jobId, setJobId] = useState<number | null>(null);
  const refresh = useRefreshPrices(collectibleId);
  const job = useScrapeJob(collectibleId, jobId);
  const data = job.data?.id === jobId ? job.data : undefined;
  const running = refresh.isPending || (jobId !== null && !data?.is_finished && !job.isError);

  const announced = useRef<number | null>(null);
  useEffect(() => {
    if (!data?.is_finished || announced.current === data.id) return;
    announced.current = data.id;
    const summary = jobSummary(data, t);
    if (data.status === "succeeded") toast.success(t("refresh.toastRefreshed", { summary }));
    else toast.error(t(data.status === "failed" ? "refresh.toastFailed" : "refresh.toastPartlyFailed", { summary }));
  }, [data, t]);

  const error = refresh.isError ? toApiError(refresh.error) : null;
  const errorMessage = error ? (error.status === 503 ? t("refresh.queueDown") : error.message) : null;

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
          {running ? t("refresh.refreshing") : t("refresh.button")}
        </Button>
      </div>
      {errorMessage ? <FormAlert message={errorMessage} /> : null}
      {jobId !== null && job.isError ? <FormAlert message={t("refresh.followError", { message: toApiError(job.error).message })} /> : null}
      {data && !data.is_finished ? <Progress job={data} /> : null}
      {data?.is_finished ? <Outcome job={data} onDismiss={() => setJobId(null)} /> : null}
    </div>
  );
}

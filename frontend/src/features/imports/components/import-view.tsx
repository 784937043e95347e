import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";

import { ErrorState } from "@/components/states";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import type { Vendor } from "@/lib/api/types";

import { useImport } from "../api/get-import";
import { ImportProgress, ImportResult } from "./import-result";
import { ImportReview } from "./import-review";
import { ImportUpload } from "./import-upload";

const JOB_PARAM = "job";

function JobStep({ id, onReset }: { id: number; onReset: () => void }) {
  const { t } = useTranslation("imports");
  const query = useImport(id);
  if (query.isPending) {
    return (
      <Card role="status" aria-label={t("page.loading")} className="grid gap-3 p-5">
        <Skeleton className="h-5 w-64" />
        <Skeleton className="h-40 w-full" />
      </Card>
    );
  }
  if (query.isError) return <ErrorState title={t("page.loadError")} error={query.error} onRetry={() => void query.refetch()} />;
  const job = query.data;
  if (job.status === "draft") return <ImportReview job={job} onCancel={onReset} />;
  if (job.status === "queued" || job.status === "running") return <ImportProgress job={job} />;
  return <ImportResult job={job} onAnother={onReset} />;
}

/**
 * The import page: upload → check the mapping and preview → commit → progress → result.
 * The job's id lives in the URL (`?job=`), so a reload or a shared tab resumes it.
 */
export function ImportView({ vendors, defaultVendor }: { vendors: Vendor[]; defaultVendor: number | null }) {
  const { t } = useTranslation("imports");
  const [params, setParams] = useSearchParams();
  const raw = params.get(JOB_PARAM);
  const jobId = raw && /^\d+$/.test(raw) ? Number(raw) : null;
  const reset = () => setParams({});
  return (
    <div className="grid grid-cols-1 gap-5">
      <title>{t("page.pageTitle")}</title>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("page.heading")}</h1>
        <p className="text-sm text-muted-foreground">{t("page.intro")}</p>
      </div>
      {jobId === null ? (
        <ImportUpload vendors={vendors} defaultVendor={defaultVendor} onUploaded={(job) => setParams({ [JOB_PARAM]: String(job.id) })} />
      ) : (
        <JobStep key={jobId} id={jobId} onReset={reset} />
      )}
    </div>
  );
}

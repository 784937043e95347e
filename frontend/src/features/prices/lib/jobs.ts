import type { ScrapeJob, VendorRefresh } from "@/lib/api/types";

import type { PricesT } from "./labels";

export function trackersDone(job: ScrapeJob): number {
  return job.trackers_succeeded + job.trackers_failed + job.trackers_skipped;
}

/** "2 of 3 trackers succeeded, 1 failed; 4 prices recorded." */
export function jobSummary(job: ScrapeJob, t: PricesT): string {
  if (job.trackers_total === 0) return t("jobs.noActive");
  const parts: string[] = [t("jobs.succeeded", { succeeded: job.trackers_succeeded, total: job.trackers_total })];
  if (job.trackers_failed) parts.push(t("jobs.failed", { count: job.trackers_failed }));
  if (job.trackers_skipped) parts.push(t("jobs.skipped", { count: job.trackers_skipped }));
  const recorded = t("jobs.recorded", { count: job.observations_recorded });
  return t("jobs.summary", { parts: parts.join(", "), recorded });
}

/** What a collection's "refresh all" started: "Checking 37 trackers; prices update as they come in." */
export function vendorRefreshSummary(refresh: VendorRefresh, t: PricesT): string {
  const { queued, skipped } = refresh;
  if (queued > 0) return t("vendorRefresh.checking", { count: queued });
  if (skipped.already_queued > 0) return t("vendorRefresh.alreadyQueued");
  if (skipped.paused > 0) return t("vendorRefresh.paused", { count: skipped.paused });
  return t("vendorRefresh.noTrackers");
}

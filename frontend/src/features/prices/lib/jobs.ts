import type { ScrapeJob, VendorRefresh } from "@/lib/api/types";

export function trackersDone(job: ScrapeJob): number {
  return job.trackers_succeeded + job.trackers_failed + job.trackers_skipped;
}

/** "2 of 3 trackers succeeded, 1 failed; 4 prices recorded." */
export function jobSummary(job: ScrapeJob): string {
  if (job.trackers_total === 0) return "There was no active tracker to check.";
  const parts = [`${String(job.trackers_succeeded)} of ${String(job.trackers_total)} trackers succeeded`];
  if (job.trackers_failed) parts.push(`${String(job.trackers_failed)} failed`);
  if (job.trackers_skipped) parts.push(`${String(job.trackers_skipped)} skipped`);
  const recorded = job.observations_recorded === 1 ? "1 price recorded" : `${String(job.observations_recorded)} prices recorded`;
  return `${parts.join(", ")}; ${recorded}.`;
}


const trackers = (count: number) => (count === 1 ? "1 tracker" : `${String(count)} trackers`);

/** What a collection's "refresh all" started: "Checking 37 trackers; prices update as they come in." */
export function vendorRefreshSummary(refresh: VendorRefresh): string {
  const { queued, skipped } = refresh;
  if (queued > 0) return `Checking ${trackers(queued)}; prices update as they come in.`;
  if (skipped.already_queued > 0) return "Every tracker is being checked already; prices update as they come in.";
  if (skipped.paused > 0) return `Nothing to check: ${skipped.paused === 1 ? "the only tracker is" : `all ${trackers(skipped.paused)} are`} paused.`;
  return "Nothing to check: no item of this collection has a tracker yet.";
}

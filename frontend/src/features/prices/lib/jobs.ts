import type { ScrapeJob } from "@/lib/api/types";

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


"""`manage.py scrape_prices`: check trackers now, through the workers or in this process."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from price_history import queue, services
from price_history.models import JobKind, ScrapeJob, Tracker


class Command(BaseCommand):
    help = (
        "Check trackers now. Choose them with --tracker, --collectible and/or --due. "
        "Without --sync one task per tracker is queued for the Celery workers; with --sync "
        "they are checked here, one after the other, without a broker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--tracker", type=int, action="append", default=[], help="A tracker id (repeatable)."
        )
        parser.add_argument(
            "--collectible",
            type=int,
            action="append",
            default=[],
            help="Every active tracker of this item (repeatable).",
        )
        parser.add_argument(
            "--due",
            action="store_true",
            help="Every active tracker whose next run is due (what beat does).",
        )
        parser.add_argument(
            "--sync", action="store_true", help="Run in this process; no broker or worker needed."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (options["tracker"] or options["collectible"] or options["due"]):
            raise CommandError("Say what to check: --tracker ID, --collectible ID and/or --due.")
        sync = options["sync"]
        if not sync and not queue.broker_available():
            raise CommandError(
                "The task broker (REDIS_URL) is unreachable. Start it, or use --sync."
            )
        jobs: list[ScrapeJob] = []
        if options["due"]:
            due = services.scrape_jobs_create_due(publish=not sync)
            if not due:
                self.stdout.write("No tracker is due.")
            jobs += due
        trackers = self._chosen(options["tracker"], options["collectible"])
        if trackers:
            try:
                jobs.append(
                    services.scrape_job_create(
                        kind=JobKind.MANUAL, trackers=trackers, publish=not sync
                    )
                )
            except queue.QueueUnavailableError as exc:
                raise CommandError(exc.message) from exc
        for job in jobs:
            if sync:
                self._run(job)
            else:
                self.stdout.write(
                    f"Queued scrape job {job.pk} ({job.trackers_total} tracker(s)); "
                    "follow it in the admin or at /api/v1/scrape-jobs/{id}/."
                )

    def _chosen(self, tracker_ids: list[int], collectible_ids: list[int]) -> list[Tracker]:
        found = {t.pk: t for t in Tracker.objects.filter(pk__in=tracker_ids)}
        missing = sorted(set(tracker_ids) - set(found))
        if missing:
            raise CommandError(f"No tracker with id {', '.join(map(str, missing))}.")
        by_item = Tracker.objects.filter(collectible_id__in=collectible_ids, is_active=True)
        if collectible_ids and not by_item.exists():
            self.stdout.write("The given item(s) have no active tracker.")
        found.update({t.pk: t for t in by_item})
        return [found[pk] for pk in sorted(found)]

    def _run(self, job: ScrapeJob) -> None:
        runs = list(job.runs.select_related("tracker").order_by("id"))
        self.stdout.write(f"Scrape job {job.pk}: {len(runs)} tracker(s), in this process.")
        for index, run in enumerate(runs, start=1):
            self.stdout.write(
                f"[{index}/{len(runs)}] tracker {run.tracker_id} {run.tracker.url} … ", ending=""
            )
            self.stdout.flush()
            done = services.scrape_run_execute(run_id=run.pk)
            assert done is not None
            if done.status == "succeeded":
                what = (
                    "unchanged (304)"
                    if done.not_modified
                    else f"{done.observations_recorded} price(s) recorded"
                )
                self.stdout.write(self.style.SUCCESS(f"ok: {what}"))
            elif done.status == "skipped":
                self.stdout.write(self.style.WARNING(f"skipped: {done.error_message}"))
            else:
                self.stdout.write(self.style.ERROR(f"{done.error_kind}: {done.error_message}"))
        job.refresh_from_db()
        took = (job.finished_at or timezone.now()) - (job.started_at or job.created_at)
        self.stdout.write(
            f"Job {job.pk} {job.status}: {job.trackers_succeeded} ok, {job.trackers_failed} "
            f"failed, {job.trackers_skipped} skipped, {job.observations_recorded} price(s) "
            f"in {took.total_seconds():.1f} s."
        )

"""What an operator does to scrape jobs from the admin: retry the failed runs, cancel the
queued ones.

A cancel never races a worker: a worker starts a run by locking its row and checking it
is unfinished (`runs._run_start`). Queued runs are locked here with SKIP LOCKED, so a run
a worker is starting right now is left to that worker (counted as skipped), and a run
cancelled here is finished (`skipped`) before any worker sees it: its task, delivered
later, finds it finished and does nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from price_history import queue
from price_history.models import JobKind, RunStatus, ScrapeJob, ScrapeRun
from price_history.services.jobs import job_refresh, scrape_job_create
from users.models import User

# Stored English, read in the reader's language (failure_texts: a message with no kind).
CANCELLED_MESSAGE = gettext_noop("Cancelled by an operator before it started.")


@dataclass
class ActionOutcome:
    """How many runs an action changed, why others were left alone, the jobs it made."""

    done: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    jobs: list[int] = field(default_factory=list)

    def skip(self, reason: str, count: int = 1) -> None:
        if count:
            self.skipped[reason] = self.skipped.get(reason, 0) + count

    def describe(self, verb: str) -> str:
        """E.g. "3 runs queued again, 1 skipped: not failed"."""
        text = f"{self.done} run{'s' if self.done != 1 else ''} {verb}"
        for reason, count in sorted(self.skipped.items()):
            text += f", {count} skipped: {reason}"
        return text


def scrape_jobs_retry_failed(*, jobs: Sequence[ScrapeJob], requested_by: User) -> ActionOutcome:
    """A new requested job per selected job, with one run per tracker whose run failed
    (the failed runs stay as they were: they are the record of what happened). Trackers
    since paused are left out (resume them first). Raises `QueueUnavailableError`,
    creating nothing, when the broker is down."""
    if not queue.broker_available():
        raise queue.QueueUnavailableError()
    outcome = ActionOutcome()
    with transaction.atomic():
        for job in jobs:
            runs = list(job.runs.select_related("tracker").order_by("id"))
            failed = [run for run in runs if run.status == RunStatus.FAILED]
            outcome.skip("not failed", len(runs) - len(failed))
            trackers = [run.tracker for run in failed if run.tracker.is_active]
            outcome.skip("tracker paused", len(failed) - len(trackers))
            if not trackers:
                continue
            retry = scrape_job_create(
                kind=JobKind.MANUAL,
                trackers=trackers,
                requested_by=requested_by,
                collectible=job.collectible,
            )
            outcome.done += len(trackers)
            outcome.jobs.append(retry.pk)
    return outcome


@transaction.atomic
def scrape_jobs_cancel_queued(*, jobs: Sequence[ScrapeJob]) -> ActionOutcome:
    """Finish the selected jobs' queued runs as skipped (see the module doc for why this
    cannot race a worker) and recount their jobs."""
    job_ids = [job.pk for job in jobs]
    outcome = ActionOutcome()
    queued = list(
        ScrapeRun.objects.select_for_update(skip_locked=True)
        .filter(job_id__in=job_ids, status=RunStatus.QUEUED)
        .values_list("pk", flat=True)
    )
    now = timezone.now()
    outcome.done = ScrapeRun.objects.filter(pk__in=queued, status=RunStatus.QUEUED).update(
        status=RunStatus.SKIPPED, error_message=CANCELLED_MESSAGE, finished_at=now
    )
    total = ScrapeRun.objects.filter(job_id__in=job_ids).count()
    still_queued = ScrapeRun.objects.filter(job_id__in=job_ids, status=RunStatus.QUEUED).count()
    outcome.skip("a worker is starting it", still_queued)
    outcome.skip("not queued", total - outcome.done - still_queued)
    for job_id in sorted(job_ids):
        job_refresh(job_id=job_id)
    return outcome

"""Writes of scrape jobs: a refresh a collector asks for (of an item or of a whole
collection), the beat's claim of due trackers, and each job's counts as its runs finish."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from inventory.models import Collectible, CollectibleStatus
from price_history import queue
from price_history.models import JobKind, JobStatus, RunStatus, ScrapeJob, ScrapeRun, Tracker
from price_history.services.hosts import interleave_by_host, runs_book
from users.models import User
from vendors.models import Vendor

logger = logging.getLogger(__name__)

# Stored English and read in the reader's language (ScrapeJobSerializer); the broker's own
# exception is only logged: it is an operator's detail, and English.
QUEUE_UNAVAILABLE_ERROR = gettext_noop(
    "The checks could not be queued: the task queue was unavailable. Try again in a minute."
)


def _publish_on_commit(jobs: Sequence[ScrapeJob], runs: list[tuple[int, str]]) -> None:
    """Once the transaction commits, queue `runs` (run id, tracker URL), in that order, of
    `jobs`; if the broker refuses, every one of the jobs is marked failed instead of being
    left queued forever, and the caller gets `QueueUnavailableError`."""
    job_ids = [job.pk for job in jobs]
    run_ids = [run_id for run_id, _ in runs]

    def publish() -> None:
        try:
            # Each run is sent for its host's booked slot (services.hosts).
            slots = {run_id: slot for run_id, slot in runs_book(runs) if slot is not None}
            queue.publish_runs(run_ids, slots=slots) if slots else queue.publish_runs(run_ids)
        except Exception as exc:
            logger.exception("Could not queue the runs of scrape jobs %s", job_ids)
            _jobs_mark_unqueued(job_ids=job_ids, run_ids=run_ids)
            raise queue.QueueUnavailableError() from exc

    transaction.on_commit(publish, robust=False)


def _publish_in_order(jobs: Sequence[ScrapeJob], trackers: Sequence[Tracker]) -> None:
    """`_publish_on_commit` of all the jobs' runs at once, in the order of `trackers`."""
    position = {tracker.pk: index for index, tracker in enumerate(trackers)}
    runs = sorted(
        ScrapeRun.objects.filter(job__in=jobs).values_list("pk", "tracker_id", "tracker__url"),
        key=lambda run: position[run[1]],
    )
    _publish_on_commit(jobs, [(run_id, url) for run_id, _, url in runs])


@transaction.atomic
def _jobs_mark_unqueued(*, job_ids: Sequence[int], run_ids: Sequence[int]) -> None:
    now = timezone.now()
    message = "The task queue was unavailable; this run was never started."
    ScrapeRun.objects.filter(pk__in=run_ids, status=RunStatus.QUEUED).update(
        status=RunStatus.FAILED, error_kind="queue_unavailable", error_message=message,
        finished_at=now,
    )  # fmt: skip
    for job_id in job_ids:
        job_refresh(job_id=job_id, error=QUEUE_UNAVAILABLE_ERROR)


def _pending_runs(*, now: datetime) -> Exists:
    """A tracker's run still queued or running: it is not queued again, however long a
    backlog keeps it waiting, unless its job is older than SCRAPER_QUEUED_RUN_MAX_AGE
    (that task was lost: a broker that lost its data)."""
    return Exists(
        ScrapeRun.objects.filter(
            tracker=OuterRef("pk"),
            status__in=[RunStatus.QUEUED, RunStatus.RUNNING],
            job__created_at__gte=now - settings.SCRAPER_QUEUED_RUN_MAX_AGE,
        )
    )


@transaction.atomic
def scrape_job_create(
    *,
    kind: str,
    trackers: Iterable[Tracker],
    requested_by: User | None = None,
    collectible: Collectible | None = None,
    publish: bool = True,
) -> ScrapeJob:
    """A job with one queued run per tracker; with `publish`, one task per run is queued
    once the transaction commits (a failure to queue marks the job failed)."""
    trackers = list(trackers)
    job = ScrapeJob.objects.create(
        kind=kind,
        requested_by=requested_by,
        collectible=collectible,
        trackers_total=len(trackers),
    )
    runs = ScrapeRun.objects.bulk_create(ScrapeRun(job=job, tracker=t) for t in trackers)
    if not runs:
        job.status = JobStatus.SUCCEEDED
        job.started_at = job.finished_at = timezone.now()
        job.save(update_fields=["status", "started_at", "finished_at", "updated_at"])
    elif publish:
        _publish_on_commit([job], [(run.pk, run.tracker.url) for run in runs])
    return job


def scrape_job_request_refresh(*, collectible: Collectible, requested_by: User) -> ScrapeJob:
    """Queue a check of every active tracker of `collectible` now.

    A refresh already queued or running for the item is returned instead of a second
    one. Raises `QueueUnavailableError` (nothing created) when the broker is down, and
    ValidationError when the item has no active tracker.
    """
    recent = timezone.now() - settings.SCRAPER_CLAIM_LEASE
    pending = (
        ScrapeJob.objects.filter(
            collectible=collectible,
            kind=JobKind.MANUAL,
            status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
            created_at__gte=recent,
        )
        .order_by("-created_at")
        .first()
    )
    if pending is not None:
        return pending
    trackers = list(Tracker.objects.filter(collectible=collectible, is_active=True).order_by("id"))
    if not trackers:
        raise ValidationError(
            _("This item has no active tracker to check: add one or resume a paused one."),
            code="no_active_trackers",
        )
    # Checked first so that a dead broker creates nothing (publishing happens on commit).
    if not queue.broker_available():
        raise queue.QueueUnavailableError()
    return scrape_job_create(
        kind=JobKind.MANUAL, trackers=trackers, requested_by=requested_by, collectible=collectible
    )


@dataclass(frozen=True)
class VendorRefresh:
    """What a collection's "refresh all" did: the jobs made (one per item) with the
    trackers they queued, and the trackers left alone, by reason."""

    jobs: list[ScrapeJob]
    queued: int
    paused: int
    already_queued: int
    over_limit: int


@transaction.atomic
def scrape_jobs_request_vendor_refresh(
    *, vendor: Vendor, requested_by: User, now: datetime | None = None
) -> VendorRefresh:
    """Queue a check of every active tracker of `vendor`'s owned and wanted items now
    (sold items keep their history but are not watched for a collection).

    Each item gets the manual job its own refresh would make, so its page follows it and
    its own "refresh" returns it instead of a second one. Paused trackers are counted,
    not checked. A tracker whose run is still queued or running (an earlier refresh, the
    beat's claim) is not queued twice: the rows are locked SKIP LOCKED like the beat's
    claim, so one the beat is claiming at this very moment counts as already queued.
    At most VENDOR_REFRESH_MAX_TRACKERS are queued, the longest unchecked first, so that
    the next refresh carries on where this one stopped. All runs are published together
    on commit, one host after the other in turn, each for its host's booked slot.
    Raises `QueueUnavailableError` (nothing created) when the broker is down.
    """
    now = now or timezone.now()
    limit = settings.VENDOR_REFRESH_MAX_TRACKERS
    trackers = Tracker.objects.filter(
        collectible__vendor=vendor,
        collectible__status__in=[CollectibleStatus.OWNED, CollectibleStatus.WANTED],
    )
    waiting = Q(is_active=True) & ~_pending_runs(now=now)
    counts = trackers.aggregate(
        paused=Count("id", filter=Q(is_active=False)),
        active=Count("id", filter=Q(is_active=True)),
        waiting=Count("id", filter=waiting),
    )
    claimed = list(
        trackers.filter(waiting)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("collectible")
        .order_by(F("last_checked_at").asc(nulls_first=True), "id")[:limit]
    )
    over_limit = max(counts["waiting"] - limit, 0)
    refresh = VendorRefresh(
        jobs=[],
        queued=len(claimed),
        paused=counts["paused"],
        already_queued=max(counts["active"] - len(claimed) - over_limit, 0),
        over_limit=over_limit,
    )
    if not claimed:
        return refresh
    # Checked before anything is written, so that a dead broker leaves nothing behind.
    if not queue.broker_available():
        raise queue.QueueUnavailableError()
    ordered = interleave_by_host(claimed)
    by_item: dict[int, list[Tracker]] = {}
    for tracker in ordered:
        by_item.setdefault(tracker.collectible_id, []).append(tracker)
    refresh.jobs.extend(
        scrape_job_create(
            kind=JobKind.MANUAL,
            trackers=item_trackers,
            requested_by=requested_by,
            collectible=item_trackers[0].collectible,
            publish=False,
        )
        for item_trackers in by_item.values()
    )
    _publish_in_order(refresh.jobs, ordered)
    return refresh


def _claim_due(*, now: datetime, limit: int) -> list[Tracker]:
    """Lock (SKIP LOCKED) and claim up to `limit` due trackers, oldest first, interleaved
    by host: their `next_run_at` moves forward by the claim lease."""
    trackers = list(
        Tracker.objects.select_for_update(skip_locked=True)
        .filter(is_active=True, next_run_at__lte=now)
        .exclude(_pending_runs(now=now))
        .order_by("next_run_at", "id")[:limit]
    )
    Tracker.objects.filter(pk__in=[t.pk for t in trackers]).update(
        next_run_at=now + settings.SCRAPER_CLAIM_LEASE, updated_at=now
    )
    # Queued one host after the other in turn: every host's first run starts at once.
    return interleave_by_host(trackers)


@transaction.atomic
def scrape_job_create_due(
    *, now: datetime | None = None, limit: int | None = None, publish: bool = True
) -> ScrapeJob | None:
    """Claim the active trackers whose next run is due (at most `limit`, else
    SCRAPER_DUE_BATCH) and make one scheduled job of them.

    Rows are locked with SKIP LOCKED and their `next_run_at` moved forward by the claim
    lease in the same transaction, so two beats (or a beat and an operator) never claim
    the same tracker. A tracker whose run is still queued or running (a backlog can keep
    it queued past the claim lease) is not claimed again, unless that run's job is older
    than SCRAPER_QUEUED_RUN_MAX_AGE: its task was lost (a broker that lost its data).
    """
    now = now or timezone.now()
    trackers = _claim_due(now=now, limit=limit or settings.SCRAPER_DUE_BATCH)
    if not trackers:
        return None
    return scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers, publish=publish)


@transaction.atomic
def scrape_jobs_create_due(*, now: datetime | None = None, publish: bool = True) -> list[ScrapeJob]:
    """Beat's tick: claim every tracker due at `now` (up to SCRAPER_DUE_PER_TICK), as
    `scrape_job_create_due` claims, in jobs of at most SCRAPER_DUE_BATCH runs. One claim
    interleaves all their hosts (jobs claimed one after the other would queue the first
    hosts' runs before the last hosts' first); jobs stay small because each finished run
    recounts its job. A fixed batch per tick would cap the pace at the tick's (500 per 5
    minutes: 10,000 trackers due at once would wait 100 minutes to be queued, while the
    hosts' politeness allows them in 10): the host limiter, not the claim, sets it."""
    now = now or timezone.now()
    trackers = _claim_due(now=now, limit=settings.SCRAPER_DUE_PER_TICK)
    size = settings.SCRAPER_DUE_BATCH
    jobs = [
        scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers[i : i + size], publish=False)
        for i in range(0, len(trackers), size)
    ]
    if publish and jobs:
        # One publish for all: a broker that refuses marks every job failed (none is left
        # queued with no task).
        _publish_in_order(jobs, trackers)
    return jobs


def job_refresh(*, job_id: int, error: str | None = None) -> ScrapeJob:
    """Recount a job from its runs (idempotent) and finish it when every run has."""
    job = ScrapeJob.objects.select_for_update().get(pk=job_id)
    counts = job.runs.aggregate(
        total=Count("id"),
        succeeded=Count("id", filter=Q(status=RunStatus.SUCCEEDED)),
        failed=Count("id", filter=Q(status=RunStatus.FAILED)),
        skipped=Count("id", filter=Q(status=RunStatus.SKIPPED)),
        observations=Sum("observations_recorded"),
    )
    job.trackers_total = counts["total"]
    job.trackers_succeeded = counts["succeeded"]
    job.trackers_failed = counts["failed"]
    job.trackers_skipped = counts["skipped"]
    job.observations_recorded = counts["observations"] or 0
    if error is not None:
        job.error = error
    now = timezone.now()
    finished = job.trackers_succeeded + job.trackers_failed + job.trackers_skipped
    if finished >= job.trackers_total:
        if job.trackers_failed == 0:
            job.status = JobStatus.SUCCEEDED
        elif job.trackers_succeeded == 0:
            job.status = JobStatus.FAILED
        else:
            job.status = JobStatus.PARTIAL
        job.started_at = job.started_at or now
        job.finished_at = job.finished_at or now
    elif job.status == JobStatus.QUEUED and (finished or error):
        job.status = JobStatus.RUNNING
        job.started_at = job.started_at or now
    job.save()
    return job

"""Writes of the price engine: trackers, jobs and runs, recorded prices.

A run goes queued → running → succeeded / failed / skipped. Its id is what the task
carries, so a re-delivered task finds it finished and does nothing, and the rows it
records carry a key derived from it (`PriceHistory.dedupe_key`): the observations, the
run's outcome and the tracker's new schedule are written in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import redis
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone

from inventory.models import Collectible
from price_history import queue, scraping
from price_history.models import (
    JobKind,
    JobStatus,
    PriceHistory,
    PriceSource,
    RunStatus,
    ScrapeJob,
    ScrapeRun,
    Tracker,
)
from scraper import FetchResult, ScrapeFailure
from users.models import User

logger = logging.getLogger(__name__)

#: Trouble reaching the database or Redis: the task retries instead of recording a failure.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)

# Changing any of these makes the tracker a different watch: its schedule starts afresh.
_WATCH_FIELDS = ("url", "source", "selector", "attribute", "condition", "currency")


# ------------------------------------------------------------------------------ trackers


def tracker_validate(tracker: Tracker) -> None:
    if tracker.source == "css" and not tracker.selector:
        raise ValidationError({"selector": ["The css source needs a CSS selector."]})
    if tracker.source != "css" and (tracker.selector or tracker.attribute):
        field = "selector" if tracker.selector else "attribute"
        raise ValidationError({field: ["Only the css source uses a selector and attribute."]})
    tracker.full_clean(exclude=["collectible", "created_by"])


@transaction.atomic
def tracker_create(*, collectible: Collectible, created_by: User, data: dict[str, Any]) -> Tracker:
    tracker = Tracker(collectible=collectible, created_by=created_by, **data)
    tracker.next_run_at = timezone.now()  # checked at the next beat tick
    tracker_validate(tracker)
    tracker.save()
    return tracker


@transaction.atomic
def tracker_update(*, tracker: Tracker, data: dict[str, Any]) -> Tracker:
    watch_changed = any(
        field in data and data[field] != getattr(tracker, field) for field in _WATCH_FIELDS
    )
    for field, value in data.items():
        setattr(tracker, field, value)
    if watch_changed:
        tracker.etag = tracker.last_modified = ""
        tracker.consecutive_failures = 0
        tracker.last_error_kind = tracker.last_error_message = ""
        if tracker.is_active:
            tracker.next_run_at = timezone.now()
    tracker_validate(tracker)
    tracker.save()
    return tracker


@transaction.atomic
def tracker_delete(*, tracker: Tracker) -> None:
    tracker.delete()


@transaction.atomic
def tracker_pause(*, tracker: Tracker, reason: str = "Paused by a collector.") -> Tracker:
    tracker.is_active = False
    tracker.paused_reason = reason[:500]
    tracker.save(update_fields=["is_active", "paused_reason", "updated_at"])
    return tracker


@transaction.atomic
def tracker_resume(*, tracker: Tracker) -> Tracker:
    """Active again, failures forgotten, checked at the next beat tick."""
    tracker.is_active = True
    tracker.paused_reason = ""
    tracker.consecutive_failures = 0
    tracker.next_run_at = timezone.now()
    tracker.save(
        update_fields=[
            "is_active",
            "paused_reason",
            "consecutive_failures",
            "next_run_at",
            "updated_at",
        ]
    )
    return tracker


# ---------------------------------------------------------------------------------- jobs


def _publish_on_commit(job: ScrapeJob, run_ids: list[int]) -> None:
    job_id = job.pk

    def publish() -> None:
        try:
            queue.publish_runs(run_ids)
        except Exception as exc:
            logger.exception("Could not queue the runs of scrape job %s", job_id)
            _job_mark_unqueued(job_id=job_id, run_ids=run_ids, error=str(exc))
            raise queue.QueueUnavailableError() from exc

    transaction.on_commit(publish, robust=False)


@transaction.atomic
def _job_mark_unqueued(*, job_id: int, run_ids: Sequence[int], error: str) -> None:
    now = timezone.now()
    message = "The task queue was unavailable; this run was never started."
    ScrapeRun.objects.filter(pk__in=run_ids, status=RunStatus.QUEUED).update(
        status=RunStatus.FAILED, error_kind="queue_unavailable", error_message=message,
        finished_at=now,
    )  # fmt: skip
    _job_refresh(job_id=job_id, error=f"Could not queue the work: {error}"[:1000])


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
        _publish_on_commit(job, [run.pk for run in runs])
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
            "This item has no active tracker to check: add one or resume a paused one.",
            code="no_active_trackers",
        )
    # Checked first so that a dead broker creates nothing (publishing happens on commit).
    if not queue.broker_available():
        raise queue.QueueUnavailableError()
    return scrape_job_create(
        kind=JobKind.MANUAL, trackers=trackers, requested_by=requested_by, collectible=collectible
    )


@transaction.atomic
def scrape_job_create_due(
    *, now: datetime | None = None, limit: int | None = None, publish: bool = True
) -> ScrapeJob | None:
    """Claim the active trackers whose next run is due and make one scheduled job of them.

    Rows are locked with SKIP LOCKED and their `next_run_at` moved forward by the claim
    lease in the same transaction, so two beats (or a beat and an operator) never claim
    the same tracker; a claim whose task is lost comes due again after the lease.
    """
    now = now or timezone.now()
    limit = limit or settings.SCRAPER_DUE_BATCH
    trackers = list(
        Tracker.objects.select_for_update(skip_locked=True)
        .filter(is_active=True, next_run_at__lte=now)
        .order_by("next_run_at", "id")[:limit]
    )
    if not trackers:
        return None
    Tracker.objects.filter(pk__in=[t.pk for t in trackers]).update(
        next_run_at=now + settings.SCRAPER_CLAIM_LEASE, updated_at=now
    )
    return scrape_job_create(kind=JobKind.SCHEDULED, trackers=trackers, publish=publish)


def _job_refresh(*, job_id: int, error: str | None = None) -> ScrapeJob:
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


# ---------------------------------------------------------------------------------- runs


@transaction.atomic
def _run_start(*, run_id: int) -> tuple[ScrapeRun | None, bool]:
    """Lock the run and mark it running. Returns (run, should_fetch)."""
    run = (
        ScrapeRun.objects.select_for_update(of=("self",))
        .select_related("tracker__collectible__vendor")
        .filter(pk=run_id)
        .first()
    )
    if run is None:
        logger.warning("Scrape run %s no longer exists; nothing to do.", run_id)
        return None, False
    if run.is_finished:
        logger.info(
            "Scrape run %s already finished (%s); not running it again.", run_id, run.status
        )
        return run, False
    now = timezone.now()
    if not run.tracker.is_active:
        run.status = RunStatus.SKIPPED
        run.error_message = "The tracker is paused."
        run.finished_at = now
        run.save()
        _job_refresh(job_id=run.job_id)
        return run, False
    run.status = RunStatus.RUNNING
    run.attempts += 1
    run.started_at = run.started_at or now
    run.save()
    ScrapeJob.objects.filter(pk=run.job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now, updated_at=now
    )
    return run, True


def _backoff(tracker: Tracker, failures: int, retry_after: float | None) -> timedelta:
    interval = timedelta(minutes=tracker.interval_minutes)
    delay = min(interval * (2 ** min(failures, 20)), settings.SCRAPER_MAX_BACKOFF)
    if retry_after:
        delay = max(delay, timedelta(seconds=retry_after))
    return delay


def _record(run: ScrapeRun, tracker: Tracker, result: FetchResult) -> int:
    if result.not_modified:
        return 0
    rows = [
        PriceHistory(
            collectible_id=tracker.collectible_id,
            tracker=tracker,
            run=run,
            source=price.source,
            price=price.price,
            currency=price.currency,
            condition=price.condition,
            observed_at=price.observed_at,
            url=price.url,
            title=price.title,
            availability=price.availability,
            dedupe_key=f"run:{run.pk}:{price.source}:{price.condition}",
        )
        for price in scraping.prepare_observations(tracker, result.observations)
    ]
    # A row of this delivery that already exists (a concurrent duplicate) is skipped.
    PriceHistory.objects.bulk_create(rows, ignore_conflicts=True)
    return PriceHistory.objects.filter(run=run).count()


@transaction.atomic
def _run_finish(
    *,
    run_id: int,
    result: FetchResult | None = None,
    kind: str = "",
    message: str = "",
    retry_after: float | None = None,
) -> ScrapeRun | None:
    run = ScrapeRun.objects.select_for_update().filter(pk=run_id).first()
    if run is None or run.is_finished:
        return run  # a duplicate delivery finished first: its outcome stands
    tracker = (
        Tracker.objects.select_for_update(of=("self",))
        .select_related("collectible__vendor")
        .get(pk=run.tracker_id)
    )
    now = timezone.now()
    tracker.last_checked_at = now
    run.finished_at = now
    if result is not None:
        run.status = RunStatus.SUCCEEDED
        run.not_modified = result.not_modified
        run.observations_recorded = _record(run, tracker, result)
        run.error_kind = run.error_message = ""
        tracker.consecutive_failures = 0
        tracker.last_success_at = now
        tracker.last_error_kind = tracker.last_error_message = ""
        tracker.etag = (result.etag or "")[:500]
        tracker.last_modified = (result.last_modified or "")[:100]
        if tracker.is_active:
            tracker.next_run_at = now + timedelta(minutes=tracker.interval_minutes)
    else:
        run.status = RunStatus.FAILED
        run.error_kind, run.error_message = kind, message
        failures = tracker.consecutive_failures + 1
        tracker.consecutive_failures = failures
        tracker.last_error_kind, tracker.last_error_message = kind, message
        tracker.last_error_at = now
        if failures >= settings.SCRAPER_PAUSE_AFTER_FAILURES:
            tracker.is_active = False
            tracker.next_run_at = None
            tracker.paused_reason = (
                f"Paused after {failures} failed checks in a row. Last error: {message}"
            )[:500]
        elif tracker.is_active:
            tracker.next_run_at = now + _backoff(tracker, failures, retry_after)
    run.save()
    tracker.save()
    _job_refresh(job_id=run.job_id)
    return run


def scrape_run_execute(*, run_id: int) -> ScrapeRun | None:
    """Check one tracker for one run: fetch, then record the outcome (see module doc).

    The fetch happens outside any transaction (it may wait for the host limiter). A
    typed scraper failure, or any unexpected error while fetching, is recorded as the
    run's failure; errors reaching the database or Redis propagate so the task retries.
    """
    run, should_fetch = _run_start(run_id=run_id)
    if run is None or not should_fetch:
        return run
    target = scraping.target_for(run.tracker)
    try:
        result = scraping.fetch(target)
    except ScrapeFailure as failure:
        return _run_finish(
            run_id=run_id,
            kind=failure.kind.value,
            message=failure.message,
            retry_after=failure.retry_after,
        )
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("Unexpected error while checking tracker %s", run.tracker_id)
        return _run_finish(
            run_id=run_id,
            kind=scraping.INTERNAL_ERROR,
            message="Something went wrong on our side while checking this page.",
        )
    return _run_finish(run_id=run_id, result=result)


def scrape_run_fail(*, run_id: int, message: str) -> ScrapeRun | None:
    """Give up on a run whose task ran out of retries (database or Redis trouble)."""
    return _run_finish(run_id=run_id, kind=scraping.INTERNAL_ERROR, message=message)


# -------------------------------------------------------------------------------- prices


@transaction.atomic
def price_record_manual(
    *,
    collectible: Collectible,
    recorded_by: User,
    price: Decimal,
    currency: str = "",
    condition: str = "",
    observed_at: datetime | None = None,
    url: str = "",
) -> PriceHistory:
    """A price entered by hand (source `manual`); currency defaults to the vendor's."""
    entry = PriceHistory(
        collectible=collectible,
        source=PriceSource.MANUAL,
        price=price,
        currency=(currency or collectible.vendor.default_currency).upper(),
        condition=condition,
        observed_at=observed_at or timezone.now(),
        url=url,
        recorded_by=recorded_by,
    )
    entry.full_clean(exclude=["collectible", "recorded_by", "tracker", "run"])
    entry.save()
    return entry

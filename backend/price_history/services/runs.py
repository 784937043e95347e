"""Writes of scrape runs: one tracker checked once.

A run goes queued → running → succeeded / failed / skipped. Its id is what the task
carries, so a re-delivered task finds it finished and does nothing, and the rows it
records carry a key derived from it (`PriceHistory.dedupe_key`): the observations, the
run's outcome and the tracker's new schedule are written in one transaction.

A running run holds a lease (`lease_expires_at`, SCRAPER_RUN_LEASE: longer than the fetch's
deadline). A worker that dies mid-run (`kill -9`) leaves it running with a lapsing lease;
`scrape_run_requeue_stuck` (beat) queues it again, and after SCRAPER_RUN_MAX_ATTEMPTS
starts gives up on it. A second delivery of the same run adds no row twice.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta

import redis
import structlog
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from price_history import gateway, hooks, queue
from price_history.failure_texts import paused_after_failures
from price_history.gateway import FetchResult, PreparedPrice, ScrapeFailure
from price_history.models import JobStatus, PriceHistory, RunStatus, ScrapeJob, ScrapeRun, Tracker
from price_history.services.hosts import HostBusyError, url_host
from price_history.services.jobs import job_refresh

logger = logging.getLogger(__name__)

#: Trouble reaching the database or Redis: the task retries instead of recording a failure.
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (
    OperationalError,
    InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
)


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
        run.error_message = gettext_noop("The tracker is paused.")
        run.finished_at = now
        run.save()
        job_refresh(job_id=run.job_id)
        return run, False
    run.status = RunStatus.RUNNING
    run.attempts += 1
    run.started_at = run.started_at or now
    run.lease_expires_at = now + settings.SCRAPER_RUN_LEASE
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


def dedupe_key(run: ScrapeRun, price: PreparedPrice) -> str:
    """One row per run, source and condition, and per seller where the page names them
    (a listings page: one offer per seller; the key's hash keeps it short). A past sale
    (a sold listing, `listing_id`) is one row per tracker whichever run sees it again."""
    if price.listing_id:
        sold_on = price.observed_at.date().isoformat()
        return f"sale:{run.tracker_id}:{price.source}:{price.listing_id}:{sold_on}"
    key = f"run:{run.pk}:{price.source}:{price.condition}"
    if price.seller_key:
        key += ":" + hashlib.sha256(price.seller_key.encode()).hexdigest()[:16]
    return key


def _record(run: ScrapeRun, tracker: Tracker, result: FetchResult) -> list[PriceHistory]:
    if result.not_modified:
        return []
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
            seller=price.seller,
            seller_key=price.seller_key,
            shipping=price.shipping,
            dedupe_key=dedupe_key(run, price),
        )
        for price in gateway.prepare_observations(tracker, result.observations)
    ]
    # A row of this delivery that already exists (a concurrent duplicate) is skipped.
    PriceHistory.objects.bulk_create(rows, ignore_conflicts=True)
    return list(PriceHistory.objects.filter(run=run).order_by("id"))


@transaction.atomic
def _run_finish(
    *,
    run_id: int,
    result: FetchResult | None = None,
    kind: str = "",
    message: str = "",
    code: str = "",
    params: dict | None = None,
    retry_after: float | None = None,
) -> ScrapeRun | None:
    """`code` and `params` name the failure's sentence (`failure_texts`), `message` is it
    in English."""
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
    run.lease_expires_at = None
    recorded: list[PriceHistory] = []
    paused = False
    if result is not None:
        run.status = RunStatus.SUCCEEDED
        run.not_modified = result.not_modified
        recorded = _record(run, tracker, result)
        run.observations_recorded = len(recorded)
        run.error_kind = run.error_message = run.error_code = ""
        run.error_params = {}
        tracker.consecutive_failures = 0
        tracker.last_success_at = now
        tracker.last_error_kind = tracker.last_error_message = tracker.last_error_code = ""
        tracker.last_error_params = {}
        tracker.etag = (result.etag or "")[:500]
        tracker.last_modified = (result.last_modified or "")[:100]
        if tracker.is_active:
            tracker.next_run_at = now + timedelta(minutes=tracker.interval_minutes)
    else:
        run.status = RunStatus.FAILED
        run.error_kind, run.error_message = kind, message
        run.error_code, run.error_params = code[:50], params or {}
        failures = tracker.consecutive_failures + 1
        tracker.consecutive_failures = failures
        tracker.last_error_kind, tracker.last_error_message = kind, message
        tracker.last_error_code, tracker.last_error_params = code[:50], params or {}
        tracker.last_error_at = now
        if failures >= settings.SCRAPER_PAUSE_AFTER_FAILURES:
            paused = tracker.is_active
            tracker.is_active = False
            tracker.next_run_at = None
            with translation.override(settings.LANGUAGE_CODE):  # stored English, read in any
                tracker.paused_reason = paused_after_failures(failures, message)[:500]
        elif tracker.is_active:
            tracker.next_run_at = now + _backoff(tracker, failures, retry_after)
    run.save()
    tracker.save()
    # In this transaction: what the hooks write (alert events) stands or falls with it.
    if not run.not_modified:
        hooks.prices_recorded(
            collectible=tracker.collectible, rows=recorded, run=run, failure_kind=run.error_kind
        )
    if paused:
        hooks.tracker_paused(tracker=tracker, run=run)
    job_refresh(job_id=run.job_id)
    return run


def _run_put_back(*, run_id: int) -> None:
    """A started run that sent nothing (its host was busy) is queued again, uncounted."""
    ScrapeRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
        status=RunStatus.QUEUED, attempts=F("attempts") - 1, lease_expires_at=None
    )


def scrape_run_execute(*, run_id: int, host_wait: float | None = None) -> ScrapeRun | None:
    """Check one tracker for one run: fetch, then record the outcome (see module doc).

    The fetch happens outside any transaction (it may wait for the host limiter). A
    typed scraper failure, or any unexpected error while fetching, is recorded as the
    run's failure; errors reaching the database or Redis propagate so the task retries.
    With `host_wait`, a host not free within that many seconds is not waited for: the
    run is queued again and `HostBusyError` raised (the task defers it, services.hosts).
    """
    # Every line of the run carries its run, tracker and host (core.logging).
    with structlog.contextvars.bound_contextvars(run_id=run_id):
        run, should_fetch = _run_start(run_id=run_id)
        if run is None or not should_fetch:
            return run
        target = gateway.target_for(run.tracker)
        with structlog.contextvars.bound_contextvars(
            tracker_id=run.tracker_id, host=url_host(target.url), source=run.tracker.source
        ):
            finished = _fetch_and_finish(run, target, host_wait=host_wait)
            if finished is not None:
                _log_outcome(finished)
            return finished


def _log_outcome(run: ScrapeRun) -> None:
    logger.info(
        "Scrape run %s %s",
        run.pk,
        run.status,
        extra={
            "status": run.status,
            "observations": run.observations_recorded,
            "error_kind": run.error_kind or None,
            "duration_ms": round((run.finished_at - run.started_at).total_seconds() * 1000)
            if run.finished_at and run.started_at
            else None,
        },
    )


def _fetch_and_finish(
    run: ScrapeRun, target: gateway.FetchTarget, *, host_wait: float | None
) -> ScrapeRun | None:
    run_id = run.pk
    try:
        result = gateway.fetch(target, **({} if host_wait is None else {"host_wait": host_wait}))
    except ScrapeFailure as failure:
        if failure.busy_host and host_wait is not None:
            _run_put_back(run_id=run_id)
            raise HostBusyError(failure.busy_host) from failure
        return _run_finish(
            run_id=run_id,
            kind=failure.kind.value,
            message=failure.message,
            code=failure.code,
            params=failure.params,
            retry_after=failure.retry_after,
        )
    except TRANSIENT_ERRORS:
        raise
    except Exception:
        logger.exception("Unexpected error while checking tracker %s", run.tracker_id)
        return _run_finish(
            run_id=run_id,
            kind=gateway.INTERNAL_ERROR,
            message="Something went wrong on our side while checking this page.",
            code=gateway.INTERNAL_ERROR,
        )
    return _run_finish(run_id=run_id, result=result)


def scrape_run_fail(*, run_id: int, message: str) -> ScrapeRun | None:
    """Give up on a run whose task ran out of retries (database or Redis trouble)."""
    return _run_finish(run_id=run_id, kind=gateway.INTERNAL_ERROR, message=message)


def scrape_run_extend_lease(*, run_id: int, by: timedelta) -> None:
    """A running run waits `by` before its task retries: its lease covers the wait. Best
    effort (the database may be what failed): a lapsed lease only re-queues the run."""
    try:
        ScrapeRun.objects.filter(pk=run_id, status=RunStatus.RUNNING).update(
            lease_expires_at=timezone.now() + by + settings.SCRAPER_RUN_LEASE
        )
    except TRANSIENT_ERRORS as exc:
        logger.warning("Could not extend the lease of scrape run %s: %s", run_id, exc)


def _publish_again(run_ids: list[int]) -> None:
    try:
        queue.publish_runs(run_ids)
    except Exception:
        logger.exception("Could not queue stuck scrape runs %s again", run_ids)
        # Running with a lapsed lease again: the next sweep tries once more.
        ScrapeRun.objects.filter(pk__in=run_ids, status=RunStatus.QUEUED).update(
            status=RunStatus.RUNNING, lease_expires_at=timezone.now()
        )


def scrape_run_requeue_stuck(*, now: datetime | None = None) -> tuple[list[int], list[int]]:
    """Runs still running past their lease lost their worker: queue each again (status
    back to queued, published on commit), or fail it (`internal_error`) once it was
    started SCRAPER_RUN_MAX_ATTEMPTS times, a page that kills its worker perhaps.
    Rows locked by a live worker are skipped. Returns (requeued, abandoned) run ids."""
    now = now or timezone.now()
    lapsed = Q(lease_expires_at__lt=now) | Q(
        lease_expires_at__isnull=True, started_at__lt=now - settings.SCRAPER_RUN_LEASE
    )
    with transaction.atomic():
        stuck = list(
            ScrapeRun.objects.select_for_update(skip_locked=True)
            .filter(lapsed, status=RunStatus.RUNNING)
            .order_by("id")
            .values_list("pk", "attempts")[: settings.SCRAPER_DUE_BATCH]
        )
        limit = settings.SCRAPER_RUN_MAX_ATTEMPTS
        requeued = [pk for pk, attempts in stuck if attempts < limit]
        abandoned = [pk for pk, attempts in stuck if attempts >= limit]
        if requeued:
            ScrapeRun.objects.filter(pk__in=requeued).update(
                status=RunStatus.QUEUED, lease_expires_at=None
            )
            transaction.on_commit(lambda: _publish_again(requeued))
            logger.warning("Scrape runs %s outlived their lease; queued again.", requeued)
    for run_id in abandoned:
        _run_finish(
            run_id=run_id,
            kind=gateway.INTERNAL_ERROR,
            message=f"The check was interrupted {limit} times (its worker stopped each "
            "time); giving up on it for now.",
        )
    return requeued, abandoned

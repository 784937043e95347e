"""Celery tasks: thin interfaces (an id in, one service call).

`acks_late` + `reject_on_worker_lost`: a task whose worker dies is delivered again; the
run's status and the price rows' dedupe key make that second delivery harmless. Retry
countdowns stay below the broker's visibility timeout (settings check this). A run whose
worker died without a trace (`kill -9`) is found by its lapsed lease and queued again by
`requeue_stuck_runs` (beat, every minute), long before the visibility timeout.

A queued run whose host is busy is not waited for: `scrape_run` sends itself again with a
countdown to the host's booked slot (`services.scrape_run_defer_until`), so a worker
never sits on one host's lock while runs of other hosts are queued.

`check_tracker`, `fetch_page_image` and `search_catalogue` are different: someone waits
for them, so they are acknowledged on receipt, never retried, and answer through
`queue.send_check_reply` within their deadline.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

import structlog
from celery import Task, shared_task
from django.conf import settings

from core import interactive
from price_history import queue, services
from price_history.queue import (
    CATALOGUE_SEARCH_TASK,
    CHECK_TRACKER_TASK,
    PAGE_IMAGE_TASK,
    SCRAPE_RUN_TASK,
)

logger = logging.getLogger(__name__)

MAX_RETRIES = 5


def retry_countdown(retries: int) -> int:
    """10 s, 20 s, 40 s … capped at CELERY_RETRY_MAX_COUNTDOWN (< visibility timeout)."""
    return int(min(10 * 2**retries, settings.CELERY_RETRY_MAX_COUNTDOWN))


@shared_task(
    name=SCRAPE_RUN_TASK,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
)
def scrape_run(self: Task, run_id: int, not_before: float | None = None) -> None:
    """Check one tracker as part of a job (queue `scrape`); `not_before`: the host slot
    an earlier delivery booked for it (epoch seconds)."""
    with structlog.contextvars.bound_contextvars(run_id=run_id):
        _scrape_run(self, run_id, not_before)


def _scrape_run(self: Task, run_id: int, not_before: float | None) -> None:
    try:
        start_at = services.scrape_run_defer_until(run_id=run_id, not_before=not_before)
        if start_at is None:
            try:
                services.scrape_run_execute(run_id=run_id, host_wait=_host_wait())
                return
            except services.HostBusyError as busy:  # put back queued: book its next slot
                start_at = services.host_book(busy.host)
        if not _deferred(run_id, not_before=start_at, countdown=start_at - time.time()):
            services.scrape_run_execute(run_id=run_id)
    except services.TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.error("Giving up on scrape run %s: %s", run_id, exc)
            services.scrape_run_fail(
                run_id=run_id, message="The check could not be completed; it will run again later."
            )
            return
        countdown = retry_countdown(self.request.retries)
        services.scrape_run_extend_lease(run_id=run_id, by=timedelta(seconds=countdown))
        raise self.retry(exc=exc, countdown=countdown) from exc


def _host_wait() -> float | None:
    return services.HOST_WAIT_TOLERANCE if settings.SCRAPER_DEFER_BUSY_HOSTS else None


def _deferred(run_id: int, *, not_before: float, countdown: float) -> bool:
    """Send the run again for later; if that fails, it runs now (waiting beats losing it)."""
    try:
        queue.defer_run(run_id, not_before=not_before, countdown=countdown)
    except Exception:
        logger.exception("Could not defer scrape run %s; running it now.", run_id)
        return False
    return True


@shared_task(acks_late=True, reject_on_worker_lost=True)
def scrape_due_trackers() -> list[int]:
    """Beat: claim the due trackers and queue one `scrape_run` each. Returns the jobs' ids."""
    return [job.pk for job in services.scrape_jobs_create_due()]


@shared_task(acks_late=True, reject_on_worker_lost=True)
def requeue_stuck_runs() -> dict[str, list[int]]:
    """Beat: queue again the runs running past their lease (their worker died)."""
    requeued, abandoned = services.scrape_run_requeue_stuck()
    return {"requeued": requeued, "abandoned": abandoned}


@shared_task(
    name=CHECK_TRACKER_TASK, acks_late=False, ignore_result=True, soft_time_limit=90, time_limit=120
)
def check_tracker(request: dict[str, Any], reply_to: str, deadline: float) -> None:
    """Check a page once for someone waiting (queue `interactive`): within the deadline
    the web set (epoch seconds, at most SCRAPER_CHECK_DEADLINE_SECONDS away), no retries;
    the answer goes to the `reply_to` list."""
    left = interactive.time_left(deadline, cap=settings.SCRAPER_CHECK_DEADLINE_SECONDS)
    if left <= 0:
        logger.info("A tracker check arrived after its deadline; nobody waits for it.")
        return
    queue.send_check_reply(reply_to, services.tracker_check_execute(request=request, timeout=left))


@shared_task(
    name=PAGE_IMAGE_TASK, acks_late=False, ignore_result=True, soft_time_limit=90, time_limit=120
)
def fetch_page_image(request: dict[str, Any], reply_to: str, deadline: float) -> None:
    """Fetch a tracked page's product image for someone waiting (queue `interactive`), as
    `check_tracker` does: within the deadline, no retries, the answer to `reply_to`."""
    left = interactive.time_left(deadline, cap=settings.SCRAPER_CHECK_DEADLINE_SECONDS)
    if left <= 0:
        logger.info("A page image request arrived after its deadline; nobody waits for it.")
        return
    queue.send_check_reply(reply_to, services.page_image_execute(request=request, timeout=left))


@shared_task(
    name=CATALOGUE_SEARCH_TASK,
    acks_late=False,
    ignore_result=True,
    soft_time_limit=90,
    time_limit=120,
)
def search_catalogue(request: dict[str, Any], reply_to: str, deadline: float) -> None:
    """Search a source's catalogue ("Find it") for someone waiting (queue `interactive`), as
    `check_tracker` does: within the deadline, no retries, the answer to `reply_to`."""
    left = interactive.time_left(deadline, cap=settings.SCRAPER_CHECK_DEADLINE_SECONDS)
    if left <= 0:
        logger.info("A catalogue search arrived after its deadline; nobody waits for it.")
        return
    queue.send_check_reply(
        reply_to, services.catalogue_search_execute(request=request, timeout=left)
    )

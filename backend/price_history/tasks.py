"""Celery tasks: thin interfaces (an id in, one service call).

`acks_late` + `reject_on_worker_lost`: a task whose worker dies is delivered again; the
run's status and the price rows' dedupe key make that second delivery harmless. Retry
countdowns stay below the broker's visibility timeout (settings check this).
"""

from __future__ import annotations

import logging

from celery import Task, shared_task
from django.conf import settings

from price_history import services
from price_history.queue import SCRAPE_RUN_TASK

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
def scrape_run(self: Task, run_id: int) -> None:
    """Check one tracker as part of a job (queue `scrape`)."""
    try:
        services.scrape_run_execute(run_id=run_id)
    except services.TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.error("Giving up on scrape run %s: %s", run_id, exc)
            services.scrape_run_fail(
                run_id=run_id, message="The check could not be completed; it will run again later."
            )
            return
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc


@shared_task(acks_late=True, reject_on_worker_lost=True)
def scrape_due_trackers() -> int | None:
    """Beat: claim the due trackers and queue one `scrape_run` each. Returns the job id."""
    job = services.scrape_job_create_due()
    return job.pk if job is not None else None

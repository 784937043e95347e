"""Celery tasks of imports: thin interfaces (an id in, one service call).

`acks_late` + `reject_on_worker_lost`: a commit whose worker dies is delivered again and
resumes after the last chunk it wrote (each chunk commits with the job's progress).
"""

from __future__ import annotations

import logging

from celery import Task, shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from imports import services

logger = logging.getLogger(__name__)

MAX_RETRIES = 3
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@shared_task(
    name=services.COMMIT_TASK,
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    max_retries=MAX_RETRIES,
)
def import_job_commit(self: Task, job_id: int) -> None:
    """Write a committed import's rows (queue `celery`)."""
    try:
        services.import_job_execute(job_id=job_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= MAX_RETRIES:
            logger.error("Giving up on import %s: %s", job_id, exc)
            services.mark_failed(job_id=job_id, message=services.DATABASE_UNAVAILABLE)
            return
        countdown = int(min(10 * 2**self.request.retries, settings.CELERY_RETRY_MAX_COUNTDOWN))
        raise self.retry(exc=exc, countdown=countdown) from exc
    except Exception:
        logger.exception("Import %s failed", job_id)
        services.mark_failed(job_id=job_id, message=services.INTERNAL_ERROR)

"""Talking to the Celery broker: is it reachable, and publish the scrape tasks."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from omni_stock.celery import app

logger = logging.getLogger(__name__)


class QueueUnavailableError(Exception):
    """The task broker (Redis) cannot be reached; nothing was queued."""

    def __init__(
        self, message: str = "The task queue is unavailable; try again in a minute."
    ) -> None:
        self.message = message
        super().__init__(message)


def broker_available(timeout: int = 3) -> bool:
    """Whether a connection to the broker can be opened right now (one quick attempt)."""
    try:
        with app.connection_for_write() as connection:
            connection.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0, timeout=int(timeout)
            )
    except Exception as exc:
        logger.warning("Task broker unreachable: %s", exc)
        return False
    return True


def publish_runs(run_ids: Iterable[int]) -> None:
    """Queue one `scrape_run` task per run (on the `scrape` queue, see CELERY_TASK_ROUTES)."""
    from price_history.tasks import scrape_run

    for run_id in run_ids:
        scrape_run.apply_async(args=(run_id,))

"""Talking to the Celery broker: is it reachable, and publish the scrape tasks.

Tasks are sent by name, so the services that publish them never import the tasks module
(which imports the services).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from celery import current_app

logger = logging.getLogger(__name__)

#: The task that checks one run's tracker (routed to the `scrape` queue: CELERY_TASK_ROUTES).
SCRAPE_RUN_TASK = "price_history.tasks.scrape_run"


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
        with current_app.connection_for_write() as connection:
            connection.ensure_connection(
                max_retries=1, interval_start=0, interval_step=0, timeout=int(timeout)
            )
    except Exception as exc:
        logger.warning("Task broker unreachable: %s", exc)
        return False
    return True


def publish_runs(run_ids: Iterable[int]) -> None:
    """Queue one `scrape_run` task per run."""
    for run_id in run_ids:
        current_app.send_task(SCRAPE_RUN_TASK, args=(run_id,))

"""Talking to the Celery broker: is it reachable, publish the scrape tasks, and ask a
worker for a check and wait for its answer.

Tasks are sent by name, so the services that publish them never import the tasks module
(which imports the services).

A check's answer comes back through Redis, not a Celery result backend (there is none:
runs are recorded in the database): the web process sends `check_tracker` with the name
of a fresh reply list and blocks on it (BLPOP) until the deadline; the worker pushes the
answer there, and the list expires a minute later whether or not anyone read it.
"""

from __future__ import annotations

import functools
import json
import logging
import time
import uuid
from collections.abc import Iterable
from typing import Any

import redis
from celery import current_app
from django.conf import settings

logger = logging.getLogger(__name__)

#: The task that checks one run's tracker (routed to the `scrape` queue: CELERY_TASK_ROUTES).
SCRAPE_RUN_TASK = "price_history.tasks.scrape_run"
#: The task that checks a page for someone waiting (queue `interactive`).
CHECK_TRACKER_TASK = "price_history.tasks.check_tracker"
#: The task that fetches a tracked page's product image for someone waiting (`interactive`).
PAGE_IMAGE_TASK = "price_history.tasks.fetch_page_image"
#: An answer nobody read is dropped after this many seconds.
REPLY_TTL_SECONDS = 60
#: The web waits this much longer than the worker's deadline, for the answer to travel.
REPLY_GRACE_SECONDS = 1.0


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


@functools.cache
def _replies(url: str, socket_timeout: float) -> redis.Redis:
    # Each BLPOP blocks at most half the socket timeout, so a frozen Redis still fails fast.
    return redis.Redis.from_url(
        url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout
    )


def _reply_client() -> redis.Redis:
    return _replies(settings.REDIS_URL, settings.REDIS_SOCKET_TIMEOUT)


def request_check(request: dict[str, Any], *, timeout: float) -> dict[str, Any] | None:
    """Send `check_tracker` and wait up to `timeout` (plus a little grace) for the worker's
    answer. None when no answer came in time; the task expires unstarted by then, so a
    backlog never runs checks nobody waits for. Raises `QueueUnavailableError` when the
    task cannot be sent."""
    return request_answer(CHECK_TRACKER_TASK, request, timeout=timeout)


def request_answer(task: str, request: dict[str, Any], *, timeout: float) -> dict[str, Any] | None:
    """Send `task` (one taking `request, reply_to, deadline`, answering through
    `send_check_reply`) and wait for its answer as `request_check` does."""
    if not broker_available():
        raise QueueUnavailableError()
    reply_to = f"{settings.CACHES['default']['KEY_PREFIX']}:check-reply:{uuid.uuid4().hex}"
    deadline = time.time() + timeout
    try:
        current_app.send_task(task, args=(request, reply_to, deadline), expires=timeout)
    except Exception as exc:
        logger.warning("Could not queue %s: %s", task, exc)
        raise QueueUnavailableError() from exc
    client = _reply_client()
    give_up = time.monotonic() + timeout + REPLY_GRACE_SECONDS
    step = settings.REDIS_SOCKET_TIMEOUT / 2
    while (left := give_up - time.monotonic()) > 0:
        popped = client.blpop([reply_to], timeout=max(0.01, min(step, left)))
        if popped is not None:
            return json.loads(popped[1])
    logger.warning("No worker answered %s within %s s.", task, timeout)
    return None


def send_check_reply(reply_to: str, answer: dict[str, Any]) -> None:
    """The worker's side of `request_check`: hand the answer to whoever waits for it."""
    with _reply_client().pipeline(transaction=True) as pipe:
        pipe.rpush(reply_to, json.dumps(answer))
        pipe.expire(reply_to, REPLY_TTL_SECONDS)
        pipe.execute()

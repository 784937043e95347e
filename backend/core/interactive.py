"""Asking a worker to do something for someone who is waiting, and waiting for its answer
(queue `interactive`): a tracker's "test before saving", a page photo, a notification
channel's "send test". Here, at the bottom of the stack, so that every app can use it
(it knows Celery and Redis, no app).

The answer comes back through Redis, not a Celery result backend (there is none): the
web process sends the task by name with the name of a fresh reply list and a deadline,
and blocks on the list (BLPOP) until the deadline; the worker pushes its answer there
(`send_reply`), and the list expires a minute later whether or not anyone read it. The
task expires unstarted at the deadline, so a backlog never runs work nobody waits for.
"""

from __future__ import annotations

import functools
import json
import logging
import time
import uuid
from typing import Any

import redis
from celery import current_app
from django.conf import settings
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

#: An answer nobody read is dropped after this many seconds.
REPLY_TTL_SECONDS = 60
#: The web waits this much longer than the worker's deadline, for the answer to travel.
REPLY_GRACE_SECONDS = 1.0
#: What the worker keeps of a deadline to hand its answer back.
ANSWER_MARGIN_SECONDS = 0.5


class QueueUnavailableError(Exception):
    """The task broker (Redis) cannot be reached; nothing was queued."""

    def __init__(self, message: str | None = None) -> None:
        message = message or _("The task queue is unavailable; try again in a minute.")
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


@functools.cache
def _replies(url: str, socket_timeout: float) -> redis.Redis:
    # Each BLPOP blocks at most half the socket timeout, so a frozen Redis still fails fast.
    return redis.Redis.from_url(
        url, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout
    )


def _reply_client() -> redis.Redis:
    return _replies(settings.REDIS_URL, settings.REDIS_SOCKET_TIMEOUT)


def request_answer(task: str, request: dict[str, Any], *, timeout: float) -> dict[str, Any] | None:
    """Send `task` (one taking `request, reply_to, deadline` and answering through
    `send_reply`) and wait up to `timeout` (plus a little grace) for its answer. None
    when no answer came in time. Raises `QueueUnavailableError` when the task cannot be
    sent."""
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


def time_left(deadline: float, *, cap: float) -> float:
    """On the worker: the seconds it may still spend before answering a request whose
    `deadline` (epoch seconds, set by the web) is at most `cap` away; 0 or less: nobody
    waits any more (drop the work)."""
    return min(deadline - time.time(), cap) - ANSWER_MARGIN_SECONDS


def send_reply(reply_to: str, answer: dict[str, Any]) -> None:
    """The worker's side of `request_answer`: hand the answer to whoever waits for it."""
    with _reply_client().pipeline(transaction=True) as pipe:
        pipe.rpush(reply_to, json.dumps(answer))
        pipe.expire(reply_to, REPLY_TTL_SECONDS)
        pipe.execute()

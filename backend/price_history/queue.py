"""Talking to the Celery broker: is it reachable, publish the scrape tasks, and ask a
worker for a check and wait for its answer.

Tasks are sent by name, so the services that publish them never import the tasks module
(which imports the services).

Asking a worker and waiting for its answer is `core.interactive` (shared with the
notification channels' "send test"); its names are re-exported here for this app and
those above it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from typing import Any

from celery import current_app
from django.conf import settings

from core import interactive
from core.interactive import REPLY_GRACE_SECONDS as REPLY_GRACE_SECONDS
from core.interactive import REPLY_TTL_SECONDS as REPLY_TTL_SECONDS
from core.interactive import QueueUnavailableError as QueueUnavailableError
from core.interactive import broker_available as broker_available
from core.interactive import request_answer as request_answer

logger = logging.getLogger(__name__)

#: The task that checks one run's tracker (routed to the `scrape` queue: CELERY_TASK_ROUTES).
SCRAPE_RUN_TASK = "price_history.tasks.scrape_run"
#: The task that checks a page for someone waiting (queue `interactive`).
CHECK_TRACKER_TASK = "price_history.tasks.check_tracker"
#: The task that fetches a tracked page's product image for someone waiting (`interactive`).
PAGE_IMAGE_TASK = "price_history.tasks.fetch_page_image"
#: The task that searches a source's catalogue ("Find it") for someone waiting (`interactive`).
CATALOGUE_SEARCH_TASK = "price_history.tasks.search_catalogue"


def publish_runs(run_ids: Iterable[int], *, slots: dict[int, float] | None = None) -> None:
    """Queue one `scrape_run` task per run; one with a booked host slot in `slots`
    (epoch seconds) is sent for then (`defer_run`)."""
    for run_id in run_ids:
        slot = (slots or {}).get(run_id)
        if slot is None:
            current_app.send_task(SCRAPE_RUN_TASK, args=(run_id,))
        else:
            defer_run(run_id, not_before=slot, countdown=slot - time.time())


def defer_run(run_id: int, *, not_before: float, countdown: float) -> None:
    """Queue `scrape_run` again for a run whose host is busy: it arrives after `countdown`
    seconds (capped below the broker's visibility timeout), carrying its booked slot."""
    countdown = min(max(countdown, 0.0), settings.CELERY_RETRY_MAX_COUNTDOWN)
    current_app.send_task(
        SCRAPE_RUN_TASK, args=(run_id,), kwargs={"not_before": not_before}, countdown=countdown
    )


def request_check(request: dict[str, Any], *, timeout: float) -> dict[str, Any] | None:
    """Send `check_tracker` and wait up to `timeout` (plus a little grace) for the worker's
    answer. None when no answer came in time; the task expires unstarted by then, so a
    backlog never runs checks nobody waits for. Raises `QueueUnavailableError` when the
    task cannot be sent."""
    return request_answer(CHECK_TRACKER_TASK, request, timeout=timeout)


def send_check_reply(reply_to: str, answer: dict[str, Any]) -> None:
    """The worker's side of `request_check`: hand the answer to whoever waits for it."""
    interactive.send_reply(reply_to, answer)

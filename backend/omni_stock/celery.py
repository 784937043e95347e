"""The Celery application: Redis broker (settings.REDIS_URL), tasks from every app.

Run a worker with ``celery -A omni_stock worker -Q scrape,celery,interactive`` and exactly one beat
with ``celery -A omni_stock beat`` (the schedule lives in the database, see
docs/price-engine.md). Configuration comes from the ``CELERY_*`` Django settings.

Logs: workers and beat log through the project's `LOGGING` (core.logging), not Celery's
own handlers (`setup_logging` below). A task published while a request id is bound (a web
request, or a task that sends others) carries it in its message headers; the worker binds
it, with the task's name and id, for every line the task logs. A task beat sends has no id
bound, so it gets a fresh one.
"""

import os
from typing import Any

import structlog
from celery import Celery, signals

from core.request_id import current_request_id, new_request_id, valid_request_id

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "omni_stock.settings")

app = Celery("omni_stock")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.conf.worker_hijack_root_logger = False
app.autodiscover_tasks()

#: The message header that carries the request id.
REQUEST_ID_HEADER = "request_id"

#: The log context each running task replaced, restored when it ends (by task id).
_saved_contexts: dict[str, dict[str, Any]] = {}


@signals.setup_logging.connect
def _setup_logging(**kwargs: Any) -> None:
    """Connected: Celery leaves the root logger alone; the project's LOGGING applies."""
    from django.conf import settings

    from core import logging as core_logging

    core_logging.apply(settings.LOGGING)


@signals.before_task_publish.connect
def _publish_request_id(headers: dict[str, Any] | None = None, **kwargs: Any) -> None:
    request_id = current_request_id()
    if headers is not None and request_id and REQUEST_ID_HEADER not in headers:
        headers[REQUEST_ID_HEADER] = request_id


@signals.task_prerun.connect
def _bind_task_context(task_id: str = "", task: Any = None, **kwargs: Any) -> None:
    request = getattr(task, "request", None)
    sent = valid_request_id(getattr(request, REQUEST_ID_HEADER, None))
    headers = getattr(request, "headers", None) or {}
    sent = sent or valid_request_id(headers.get(REQUEST_ID_HEADER))
    # An eager task runs inside its caller's context: it keeps the caller's id.
    request_id = sent or current_request_id() or new_request_id()
    _saved_contexts[task_id] = structlog.contextvars.get_contextvars()
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(
        request_id=request_id, task_name=getattr(task, "name", ""), task_id=task_id
    )


@signals.task_postrun.connect
def _clear_task_context(task_id: str = "", **kwargs: Any) -> None:
    """Whatever the task bound (a run's ids) goes; the caller's context comes back."""
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(**_saved_contexts.pop(task_id, {}))

"""One id per web request, on every log line it causes, here and in the Celery tasks it sends.

A proxy or client may send its own `X-Request-ID` (kept if it is short and of a safe
charset, so a log line cannot be forged or bloated through it); otherwise a uuid4 hex is
made. It is bound in `structlog.contextvars` for the request's duration and returned in the
response's `X-Request-ID`. `omni_stock.celery` copies the bound id into the headers of
every task published meanwhile and binds it again in the worker.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

import structlog
from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
#: Letters, digits and `-_.:`, 1 to 64 characters (a uuid, a trace id, a proxy's id).
VALID_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


def new_request_id() -> str:
    return uuid.uuid4().hex


def valid_request_id(value: str | None) -> str | None:
    return value if value and VALID_ID.fullmatch(value) else None


def current_request_id() -> str | None:
    """The id bound in this context (a web request, a task), or None."""
    value = structlog.contextvars.get_contextvars().get("request_id")
    return value if isinstance(value, str) else None


class RequestIdMiddleware:
    """Outermost: even a redirect to HTTPS or a 503 carries the id."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = valid_request_id(request.headers.get(HEADER)) or new_request_id()
        request.request_id = request_id  # type: ignore[attr-defined]
        # A fresh context per request: nothing of an earlier request on this thread leaks in.
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        try:
            response = self.get_response(request)
        finally:
            structlog.contextvars.clear_contextvars()
        response[HEADER] = request_id
        return response

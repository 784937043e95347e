"""One error shape for every 4xx/5xx answer of the API.

    {"detail": "human sentence", "code": "machine_code", "fields": {"name": ["message"]}}

`fields` is present only for validation errors; nested fields use dotted names
(`card_details.release_date`, `tags.3`).
"""

from __future__ import annotations

import logging
from typing import Any

import redis
from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

logger = logging.getLogger(__name__)

NON_FIELD_KEYS = ("non_field_errors", "detail")
#: Seconds a client is told to wait when a data store is down (`Retry-After`).
RETRY_AFTER_SECONDS = 30
DATABASE_ERRORS = (OperationalError, InterfaceError)
REDIS_ERRORS = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)


class ServiceUnavailable(exceptions.APIException):
    """503: a data store (PostgreSQL, Redis) cannot be reached; nothing was changed."""

    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_detail = _("A service we depend on is unavailable; try again in a minute.")
    default_code = "service_unavailable"


class QueueUnavailable(ServiceUnavailable):
    """503: the task broker cannot be reached, so the work was not queued."""

    default_detail = _("The task queue is unavailable; nothing was changed. Try again in a minute.")
    default_code = "queue_unavailable"


class CheckUnavailable(ServiceUnavailable):
    """503: work someone waits for (queue `interactive`, `core.interactive`) was queued,
    but no worker answered within its deadline."""

    default_detail = _("No worker answered in time; try again in a minute.")
    default_code = "check_unavailable"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "payload_too_large"


def dependency_unavailable(exc: Exception) -> ServiceUnavailable | None:
    """The 503 that a data store's failure deserves, or None for any other error."""
    if isinstance(exc, DATABASE_ERRORS):
        return ServiceUnavailable(gettext("The database is unavailable; try again in a minute."))
    if isinstance(exc, REDIS_ERRORS):
        return ServiceUnavailable(
            gettext("The cache and task queue (Redis) are unavailable; try again in a minute.")
        )
    return None


def flatten_errors(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn DRF's nested error structure into {dotted.field: [messages]}."""
    fields: dict[str, list[str]] = {}
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key in NON_FIELD_KEYS and prefix:
                name = prefix
            for sub_name, messages in flatten_errors(value, name).items():
                fields.setdefault(sub_name, []).extend(messages)
    elif isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            fields.setdefault(prefix, []).extend(str(item) for item in detail)
        else:
            for index, item in enumerate(detail):
                if item:
                    for sub_name, messages in flatten_errors(item, f"{prefix}.{index}").items():
                        fields.setdefault(sub_name, []).extend(messages)
    else:
        fields.setdefault(prefix, []).append(str(detail))
    return fields


def _first_code(detail: Any) -> str | None:
    codes = detail
    while isinstance(codes, dict | list):
        if not codes:
            return None
        codes = next(iter(codes.values())) if isinstance(codes, dict) else codes[0]
    return codes


def _django_error_detail(exc: DjangoValidationError) -> Any:
    if hasattr(exc, "error_dict"):
        return {
            ("non_field_errors" if key == "__all__" else key): [str(m) for e in errors for m in e]
            for key, errors in exc.error_dict.items()
        }
    return {"non_field_errors": [str(message) for message in exc.messages]}


def error_body(detail: str, code: str, fields: dict[str, list[str]] | None = None) -> dict:
    body: dict[str, Any] = {"detail": detail, "code": code}
    if fields:
        body["fields"] = fields
    return body


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        # Business rules in services raise Django's ValidationError; it is a 400 like any other.
        exc = exceptions.ValidationError(_django_error_detail(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge(
            gettext("The request body is larger than %(limit)s bytes.")
            % {"limit": settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
        )
    elif (unavailable := dependency_unavailable(exc)) is not None:
        logger.warning("Dependency unavailable in %s: %s", context.get("view"), exc)
        exc = unavailable

    response = drf_exception_handler(exc, context)
    if response is None:
        logger.exception("Unhandled error in %s", context.get("view"), exc_info=exc)
        return Response(
            error_body(
                gettext("Something went wrong on our side. Please try again."), "server_error"
            ),
            status=status.HTTP_500_INTERNAL_SERVER_ERROR,
        )

    assert isinstance(exc, exceptions.APIException)
    if isinstance(exc, exceptions.ValidationError):
        fields = flatten_errors(exc.detail)
        non_field = fields.pop("non_field_errors", None) or fields.pop("", None)
        detail = non_field[0] if non_field else gettext("Some fields are not valid.")
        code = "invalid" if fields or not non_field else (_first_code(exc.get_codes()) or "invalid")
        if non_field and len(non_field) > 1:
            fields["non_field_errors"] = non_field
        response.data = error_body(detail, code, fields)
    else:
        if isinstance(exc.detail, dict | list):
            flat = flatten_errors(exc.detail)
            text = "; ".join(msg for messages in flat.values() for msg in messages)
        else:
            text = str(exc.detail)
        codes = exc.get_codes()
        response.data = error_body(text, codes if isinstance(codes, str) else exc.default_code)
    if isinstance(exc, ServiceUnavailable):
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def json_not_found(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return JsonResponse(error_body(gettext("Not found."), "not_found"), status=404)


def json_server_error(request: HttpRequest) -> JsonResponse:
    return JsonResponse(
        error_body(gettext("Something went wrong on our side. Please try again."), "server_error"),
        status=500,
    )


def json_service_unavailable(exc: ServiceUnavailable) -> JsonResponse:
    response = JsonResponse(error_body(str(exc.detail), exc.default_code), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response

import functools
from datetime import date, datetime, tzinfo
from decimal import Decimal
from typing import Any

from django.utils import timezone
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    """The one shape of every 4xx/5xx response body."""

    detail = serializers.CharField(help_text="A sentence for people, safe to show in a UI.")
    code = serializers.CharField(
        help_text="A stable machine-readable code, e.g. `invalid`, `not_found`, `throttled`."
    )
    # Named like Serializer.fields; the metaclass moves declared fields aside, so it is safe.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=(
            "Validation errors by field (dotted names for nested fields, "
            "e.g. `card_details.release_date`). Present only on 400 responses."
        ),
    )


@functools.cache
def _built(serializer_class: type[serializers.Serializer]) -> serializers.Serializer:
    return serializer_class()


def represent(serializer_class: type[serializers.Serializer], instance: Any) -> Any:
    """`serializer_class(instance).data`, from one instance of the serializer per process.

    A DRF serializer deep-copies its declared fields for every instance, nested ones
    included: for a read-only answer of many nested parts (the dashboard) that was most
    of its time (2.8 ms of 3.1, docs/performance.md). `to_representation` keeps no state,
    so one built instance serves every request and thread. Only for serializers that
    read no `context` (no request, no view) and only to read."""
    return _built(serializer_class).to_representation(instance)


# --- Hand formatting for hot read paths ---------------------------------------------------
# Responses of a known shape and size (a page of items, a year of price points) are
# formatted directly: DRF's per-object, per-field machinery was most of their time
# (docs/performance.md). Each helper gives what the DRF field named in its docstring gives
# under this project's settings (ISO 8601 times, decimals as strings), and a test pins
# every hand formatter to the serializer it stands in for.


def datetime_text(value: datetime | None, zone: tzinfo | None = None) -> str | None:
    """As `serializers.DateTimeField`: in the current time zone, ISO 8601, UTC as `Z`.

    Formatting many, pass `zone=timezone.get_current_timezone()` read once: reading it is
    a context-local lookup that costs more than the formatting."""
    if value is None:
        return None
    text = value.astimezone(zone or timezone.get_current_timezone()).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def date_text(value: date | None) -> str | None:
    """As `serializers.DateField`."""
    return None if value is None else value.isoformat()


def decimal_text(value: Decimal | None, places: int) -> str | None:
    """As `serializers.DecimalField(decimal_places=places)` (rounding half to even)."""
    return None if value is None else f"{value:.{places}f}"

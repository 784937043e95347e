"""Model fields as the JSON values of a take-out archive, and back.

Only a model's plain (non-relational) fields are written generically: a field added to a
model later is carried without a change here. Relations are written by `build.py` and
remapped by `restore.py` one by one (a test fails if a model gains a relation neither
handles), because an id means nothing in another account.

Values: decimals as strings (no float rounding), dates and times as ISO 8601 (times with
their offset), JSON and arrays as they are; reading checks each value's JSON type before
the model field converts it, so `"price": {}` is a clear error, not a repr stored as text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class TakeoutInvalid(Exception):
    """The archive cannot be restored; `message` names the file (and row) and the reason."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def plain_fields(
    model: type[models.Model], *, leaving_out: Iterable[str] = ()
) -> tuple[models.Field, ...]:
    """The model's concrete non-relational fields but its primary key and `leaving_out`."""
    skipped = set(leaving_out)
    return tuple(
        field
        for field in model._meta.concrete_fields
        if not field.is_relation and not field.primary_key and field.name not in skipped
    )


def relation_names(model: type[models.Model]) -> set[str]:
    """The names of the model's concrete relations (foreign keys, one-to-ones)."""
    return {field.name for field in model._meta.concrete_fields if field.is_relation}


def encode(instance: models.Model, fields: Iterable[models.Field]) -> dict[str, Any]:
    return {field.name: _encode_value(getattr(instance, field.attname)) for field in fields}


def _encode_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_encode_value(item) for item in value]
    return value


def decode(
    row: Any,
    fields: Iterable[models.Field],
    *,
    where: str,
    references: Iterable[str] = (),
) -> dict[str, Any]:
    """The model values of one archive row (`where` names it in errors): every key must be
    one of `fields` or `references` (the relations the caller remaps); a missing field
    takes the model's default."""
    if not isinstance(row, Mapping):
        raise TakeoutInvalid(f"{where}: must be a JSON object.")
    by_name = {field.name: field for field in fields}
    unknown = sorted(set(row) - set(by_name) - set(references))
    if unknown:
        raise TakeoutInvalid(f"{where}: unknown field(s) {', '.join(unknown)}.")
    values = {}
    for name, field in by_name.items():
        if name in row:
            values[field.attname] = _decode_value(field, row[name], where=f"{where}, {name}")
    return values


def _decode_value(field: models.Field, value: Any, *, where: str) -> Any:
    if value is None:
        if not field.null:
            raise TakeoutInvalid(f"{where}: may not be null.")
        return None
    expected = _json_type(field)
    if expected is not None:
        # JSON's true/false are Python ints too: a boolean is only a boolean.
        matches = isinstance(value, expected) and (expected is bool) == isinstance(value, bool)
        if not matches:
            raise TakeoutInvalid(f"{where}: must be a {_TYPE_NAMES[expected]}.")
    if isinstance(field, ArrayField) and not all(isinstance(item, str) for item in value):
        raise TakeoutInvalid(f"{where}: must be a list of strings.")
    try:
        converted = field.to_python(value)
    except ValidationError as exc:
        raise TakeoutInvalid(f"{where}: {' '.join(exc.messages)}") from exc
    if isinstance(converted, datetime) and timezone.is_naive(converted):
        raise TakeoutInvalid(f"{where}: a time needs its UTC offset.")
    return converted


_TYPE_NAMES = {str: "string", int: "whole number", bool: "boolean", list: "list"}


def _json_type(field: models.Field) -> type | None:
    """The JSON type a field's value must have in the archive (None: any, e.g. JSON)."""
    if isinstance(field, models.BooleanField):
        return bool
    if isinstance(field, models.IntegerField):
        return int
    if isinstance(field, ArrayField):
        return list
    if isinstance(field, models.JSONField):
        return None
    # Text, choices, decimals (as strings), dates and times (ISO 8601).
    return str


def validation_message(exc: ValidationError) -> str:
    """A model's ValidationError as one sentence: `field: message` pairs."""
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{'' if name == '__all__' else name + ': '}{' '.join(messages)}"
            for name, messages in exc.message_dict.items()
        )
    return " ".join(exc.messages)

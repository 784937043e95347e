"""Text PostgreSQL can store: no NUL character anywhere, no lone UTF-16 surrogate."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_text_problem(text: str) -> str | None:
    """Why `text` cannot be stored in a text or jsonb column, or None."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return _("Null characters are not allowed.")
    return _("Surrogate characters are not allowed: U+%(code)s.") % {
        "code": f"{ord(found.group()):04X}"
    }


def validate_storable_json(value: Any) -> None:
    """Every key and string of a JSON value is storable text (jsonb refuses the rest)."""
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            stack.extend(current.keys())
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)
        elif isinstance(current, str) and (problem := unstorable_text_problem(current)):
            raise ValidationError(problem, code="unstorable_text")

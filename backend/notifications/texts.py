"""Notification texts written when they are read, in the reader's language.

A notification is composed by a worker, long before anyone reads it, and may be read in
another language than the one it was written in (the inbox follows the request's
Accept-Language, a mail its user's language). So the sender stores, besides an English
`title` and `body` (for the admin and for a text nobody can render any more), a stable
code and its parameters in `data["text"]`; the code's renderer, registered by the app that
sends it (alerts, from its `AppConfig.ready()`), writes the title and body again under
the active language: in the inbox API, and for each delivery under its user's language
(`users.languages`). Numbers and money are formatted for that language too.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.utils import formats, translation

from notifications.models import Notification

logger = logging.getLogger(__name__)

#: The key of `Notification.data` that holds the code and parameters (not shown by the API).
TEXT_KEY = "text"

#: params → (title, body), under the active language.
Renderer = Callable[[Mapping[str, Any]], tuple[str, str]]

_renderers: dict[str, Renderer] = {}


def register_text(code: str, render: Renderer) -> None:
    """Called from the sending app's `AppConfig.ready()`; a code has one renderer."""
    _renderers[code] = render


@dataclass(frozen=True)
class Text:
    """What a sender stores: the English title and body, and `data` to merge into the
    notification's (its code and parameters, JSON)."""

    title: str
    body: str
    data: dict[str, Any]


def text_compose(code: str, params: Mapping[str, Any]) -> Text:
    """The text of `code` with `params` (JSON values) in settings.LANGUAGE_CODE, as it is
    stored, and the data that lets it be written again in another language."""
    with translation.override(settings.LANGUAGE_CODE):
        title, body = _renderers[code](params)
    return Text(title, body, {TEXT_KEY: {"code": code, "params": dict(params)}})


def notification_text(notification: Notification) -> tuple[str, str]:
    """(title, body) in the active language: rendered from the stored code when it has a
    renderer, else the stored texts (a notification without a code, or a code or
    parameters this version no longer knows: logged, never an error for the reader)."""
    text = (notification.data or {}).get(TEXT_KEY)
    code = text.get("code") if isinstance(text, dict) else None
    params = text.get("params") if isinstance(text, dict) else None
    render = _renderers.get(code) if isinstance(code, str) else None
    if render is None or not isinstance(params, dict):
        return notification.title, notification.body
    try:
        title, body = render(params)
    except (KeyError, TypeError, ValueError, InvalidOperation):
        logger.warning("Notification %s: its text cannot be rendered again.", notification.pk)
        return notification.title, notification.body
    return title[:200], body


def public_data(data: Mapping[str, Any] | None) -> dict[str, Any]:
    """`data` without the stored text (the API answers it rendered, as title and body)."""
    return {key: value for key, value in (data or {}).items() if key != TEXT_KEY}


# --- values inside texts, formatted for the active language -----------------------------


def number_text(value: Decimal | str | int | float, decimals: int = 2) -> str:
    """`1234.5` → "1,234.50" in English, "1.234,50" in German."""
    return formats.number_format(
        Decimal(str(value)), decimal_pos=decimals, use_l10n=True, force_grouping=True
    )


def money_text(amount: Decimal | str | int | float, currency: str) -> str:
    """An amount with its ISO code after it, as the SPA shows codes it has no symbol for."""
    return f"{number_text(amount)} {currency}".strip()


def percent_text(value: Decimal | str | int | float) -> str:
    """A percentage with as many decimals as it has (at most 2): "12.5 %", "12,5 %"."""
    number = Decimal(str(value)).normalize()
    decimals = min(max(-number.as_tuple().exponent, 0), 2)  # type: ignore[operator]
    return f"{number_text(number, decimals)} %"


def moment_text(moment: datetime | str) -> str:
    """A UTC moment in the language's date-and-time format, "UTC" after it."""
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return f"{formats.date_format(when, 'DATETIME_FORMAT')} UTC"


def day_text(day: str) -> str:
    """An ISO day in the language's date format."""
    return formats.date_format(datetime.fromisoformat(day).date(), "DATE_FORMAT")

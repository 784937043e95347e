"""When to try again: ``Retry-After``, backoff with jitter, and status lines for people."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus

from scraper.http.settings import FetchSettings

__all__ = ["parse_retry_after"]


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` → seconds to wait (``None`` if absent or unreadable).

    Accepts delta-seconds (``"120"``) and HTTP dates (``"Wed, 21 Oct 2015 07:28:00
    GMT"``); a date in the past gives ``0``.
    """
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{1,10}", value):
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    return max(0.0, (when - now).total_seconds())


def backoff_delay(attempt: int, settings: FetchSettings) -> float:
    """Exponential backoff with full jitter: uniform(0, min(max, base * 2**attempt))."""
    ceiling = min(settings.backoff_max, settings.backoff_base * (2**attempt))
    return random.uniform(0, ceiling)


def status_text(status: int) -> str:
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"

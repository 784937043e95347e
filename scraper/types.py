"""Plain data types shared by every part of the scraper.

Nothing in here does I/O or parsing; these are the values that cross the package
boundary (the backend stores :class:`Observation` rows and shows
:class:`ScrapeFailure` messages to collectors).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

__all__ = [
    "AVAILABILITY_VALUES",
    "FailureKind",
    "Money",
    "NotModified",
    "Observation",
    "ScrapeFailure",
    "utcnow",
]

#: Values :attr:`Observation.availability` may take (besides ``None`` = unknown).
AVAILABILITY_VALUES = ("in_stock", "out_of_stock", "preorder")


def utcnow() -> datetime:
    """The current time as an aware UTC datetime."""
    return datetime.now(UTC)


class FailureKind(enum.StrEnum):
    """Why a scrape produced no observation. Stable strings: the backend stores them."""

    ROBOTS_DISALLOWED = "robots_disallowed"
    FORBIDDEN_ADDRESS = "forbidden_address"
    HTTP_ERROR = "http_error"
    RATE_LIMITED = "rate_limited"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    NOT_HTML = "not_html"
    NO_PRICE_FOUND = "no_price_found"
    AMBIGUOUS_PRICES = "ambiguous_prices"
    OUT_OF_STOCK = "out_of_stock"
    SELECTOR_NOT_FOUND = "selector_not_found"
    #: A page has no product image, or what its image URL returns is not an image.
    NO_IMAGE_FOUND = "no_image_found"
    NOT_IMAGE = "not_image"


class ScrapeFailure(Exception):
    """A typed, expected failure with a sentence a collector can understand.

    ``kind`` is a :class:`FailureKind` (a ``str`` enum, so it compares equal to its
    value), ``message`` is human readable, ``url`` is the page concerned if known and
    ``retry_after`` (seconds) is set when the site asked us to come back later.
    """

    def __init__(
        self,
        kind: FailureKind | str,
        message: str,
        *,
        url: str | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.kind = FailureKind(kind)
        self.message = message
        self.url = url
        self.retry_after = retry_after
        super().__init__(message)

    def __repr__(self) -> str:
        return f"ScrapeFailure({self.kind.value!r}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "message": self.message, "url": self.url}


class NotModified(Exception):
    """Raised by :func:`scraper.fetch_observations` when the server answered 304.

    The page did not change since the ETag / Last-Modified the caller sent, so there
    is nothing new to record. Carries the validators to keep for the next request.
    """

    def __init__(self, url: str, *, etag: str | None, last_modified: str | None) -> None:
        self.url = url
        self.etag = etag
        self.last_modified = last_modified
        super().__init__(f"The page at {url} has not changed since the last check.")


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its ISO 4217 currency code (``None`` when the page does not say)."""

    amount: Decimal
    currency: str | None = None

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}" if self.currency else str(self.amount)


@dataclass(frozen=True, slots=True)
class Observation:
    """One price seen on one page at one moment.

    ``condition`` uses the backend vocabulary where the page states it (games:
    ``loose``, ``cib``, ``new``, ``graded``; PriceCharting cards: ``ungraded``,
    ``grade_7`` … ``psa_10``), else ``None``. ``availability`` is one of
    :data:`AVAILABILITY_VALUES` or ``None`` when unknown.
    """

    price: Money
    condition: str | None
    title: str | None
    availability: str | None
    url: str
    source: str
    observed_at: datetime = field(default_factory=utcnow)

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form (amount as a string so no precision is lost)."""
        return {
            "amount": str(self.price.amount),
            "currency": self.price.currency,
            "condition": self.condition,
            "title": self.title,
            "availability": self.availability,
            "url": self.url,
            "source": self.source,
            "observed_at": self.observed_at.isoformat(),
        }

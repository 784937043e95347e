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
    "Auction",
    "FailureKind",
    "Money",
    "NotModified",
    "Observation",
    "ScrapeFailure",
    "Secret",
    "Seller",
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
    #: A source that reads a marketplace's API needs the collector's key and has none.
    MISSING_CREDENTIALS = "missing_credentials"


class Secret(str):
    """A credential (an API token) passed as a source option: a plain ``str`` to the code
    that sends it, ``'•••'`` in every ``repr`` so a logged target or context never shows
    it."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "'•••'"


class ScrapeFailure(Exception):
    """A typed, expected failure with a sentence a collector can understand.

    ``kind`` is a :class:`FailureKind` (a ``str`` enum, so it compares equal to its
    value), ``message`` is human readable, ``url`` is the page concerned if known and
    ``retry_after`` (seconds) is set when the site asked us to come back later.
    ``busy_host`` names the host when the failure only means that the host's politeness
    slot is not free soon enough (:class:`~scraper.http.limiter.HostBusy`): nothing was sent.

    ``code`` (default: the kind) names the sentence and ``params`` its values (JSON: str,
    int, float), so an application can say it again in its reader's language: the
    backend stores both and renders them when read (price_history.failure_texts). The
    ``message`` stays the English sentence, for the CLI, logs and as the fallback.
    """

    busy_host: str | None = None

    def __init__(
        self,
        kind: FailureKind | str,
        message: str,
        *,
        url: str | None = None,
        retry_after: float | None = None,
        code: str | None = None,
        params: dict[str, str | int | float] | None = None,
    ) -> None:
        self.kind = FailureKind(kind)
        self.message = message
        self.url = url
        self.retry_after = retry_after
        self.code = code or self.kind.value
        self.params = dict(params or {})
        super().__init__(message)

    def __repr__(self) -> str:
        return f"ScrapeFailure({self.kind.value!r}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.kind.value}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "message": self.message,
            "url": self.url,
            "code": self.code,
            "params": self.params,
        }


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
class Seller:
    """Who makes an offer on a marketplace page (schema.org ``Offer.seller``).

    ``id`` is the page's stable handle of the seller where it gives one (a profile URL,
    made absolute, an ``@id`` or an ``identifier``); ``None`` when the page names the
    seller only. :attr:`key` is what tells two sellers of one site apart.
    """

    name: str
    id: str | None = None

    @property
    def key(self) -> str:
        """The id if there is one, else the name case- and space-folded."""
        return self.id or " ".join(self.name.casefold().split())


@dataclass(frozen=True, slots=True)
class Auction:
    """What an auction page says besides its current bid (``None``: not shown)."""

    bids: int | None = None
    ends_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Observation:
    """One price seen on one page at one moment.

    ``condition`` uses the backend vocabulary where the page states it (games:
    ``loose``, ``cib``, ``new``, ``graded``; PriceCharting cards: ``ungraded``,
    ``grade_7`` … ``psa_10``), else ``None``. ``availability`` is one of
    :data:`AVAILABILITY_VALUES` or ``None`` when unknown. ``seller`` is who offers it
    when the page says (several per page on a marketplace listings page), ``shipping``
    the offer's shipping cost when the page gives exactly one (zero: free).
    ``listing_id`` is the marketplace's id of the listing a past sale was made on (an
    eBay item id on a sold-listings page, where ``observed_at`` is when it sold): the
    same listing and sale day seen again on a later check is the same sale, not a new
    one (a listing of several units can sell on several days).
    """

    price: Money
    condition: str | None
    title: str | None
    availability: str | None
    url: str
    source: str
    observed_at: datetime = field(default_factory=utcnow)
    seller: Seller | None = None
    shipping: Money | None = None
    listing_id: str | None = None
    #: Set on an auction page, whose ``price`` is then the current bid.
    auction: Auction | None = None

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
            "seller": None
            if self.seller is None
            else {"name": self.seller.name, "id": self.seller.id},
            "shipping": None if self.shipping is None else str(self.shipping.amount),
            "shipping_currency": None if self.shipping is None else self.shipping.currency,
            "listing_id": self.listing_id,
            "auction": None
            if self.auction is None
            else {
                "bids": self.auction.bids,
                "ends_at": self.auction.ends_at.isoformat() if self.auction.ends_at else None,
            },
        }

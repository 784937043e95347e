"""Site adapters and the explicit registry.

:data:`SOURCES` maps a source name (stored on trackers) to its adapter instance.
:func:`extract` chooses an adapter and runs it. Adding a source: see
``scraper/README.md`` ("Adding a source").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from scraper.sources.base import ExtractContext, Source
from scraper.sources.cardmarket import CardmarketSource
from scraper.sources.css import CssSource
from scraper.sources.discogs import DiscogsSource
from scraper.sources.dom import Document, parse_document
from scraper.sources.ebay import EbaySource
from scraper.sources.ebay_api import EbayApiSource
from scraper.sources.pricecharting import PriceChartingSource
from scraper.sources.structured import StructuredSource
from scraper.types import FailureKind, Observation, ScrapeFailure, utcnow

__all__ = [
    "DEFAULT_SOURCE",
    "SOURCES",
    "Source",
    "extract",
    "resolve_source",
    "source_for_url",
    "source_options",
]

SOURCES: dict[str, Source] = {
    "structured": StructuredSource(),
    "css": CssSource(),
    "pricecharting": PriceChartingSource(),
    "ebay": EbaySource(),
    "cardmarket": CardmarketSource(),
    "discogs": DiscogsSource(),
    "ebay_api": EbayApiSource(),
}

DEFAULT_SOURCE = "structured"


def source_for_url(url: str) -> str:
    """The source name chosen automatically for ``url`` (by host; else ``structured``)."""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return DEFAULT_SOURCE
    host = host.removeprefix("www.")
    for name, source in SOURCES.items():
        if any(host == h or host.endswith("." + h) for h in source.hosts):
            return name
    return DEFAULT_SOURCE


def resolve_source(url: str, source: str | None, selector: str | None) -> str:
    """The name of the source that reads ``url``: ``source`` if given, else ``css`` with a
    selector, else the one owning the URL's host."""
    return source or ("css" if selector else source_for_url(url))


def source_options(
    url: str, source: str | None, selector: str | None, options: Mapping[str, str]
) -> dict[str, str]:
    """The ``options`` the source that will read ``url`` understands (others dropped, so a
    tracker's card details reach the card market and nothing else)."""
    if not options:
        return {}
    adapter = SOURCES.get(resolve_source(url, source, selector))
    known = adapter.option_names if adapter is not None else ()
    return {k: v for k, v in options.items() if k in known and isinstance(v, str) and v}


def _sanitize(html: str | bytes) -> str:
    if isinstance(html, bytes):
        return html.decode("utf-8", errors="replace")
    if not isinstance(html, str):
        return ""
    # Lone surrogates cannot be encoded for the parser; replace them.
    return html.encode("utf-8", errors="replace").decode("utf-8")


def extract(
    html: str,
    url: str,
    source: str | None = None,
    *,
    observed_at: datetime | None = None,
    parser: Callable[[str], Document] = parse_document,
    **options: Any,
) -> list[Observation]:
    """Find the prices on a page. Pure: no I/O.

    ``source`` names an entry of :data:`SOURCES`; when ``None`` the ``css`` source is
    used if a ``selector`` option is given, else the source owning the URL's host
    (``pricecharting.com`` → ``pricecharting``, ``ebay.*`` → ``ebay``,
    ``cardmarket.com`` → ``cardmarket``), else ``structured``. (``discogs.com`` →
    ``discogs``, which reads the Discogs API: :func:`scraper.scrape` calls it, not this.)

    Options: ``selector`` / ``attribute`` (css source), ``language`` / ``finish``
    (cardmarket: the card's language code and finish), ``currency_hint`` (ISO code
    used for ambiguous symbols such as ``$`` and for prices with no currency).
    ``observed_at`` defaults to now (UTC). ``parser`` swaps the HTML backend (used by
    the benchmark).

    Raises :class:`~scraper.types.ScrapeFailure` (never anything else for any page
    content). An unknown ``source`` name is a programming error: ``ValueError``.
    """
    if source is None:
        source = "css" if options.get("selector") else source_for_url(url)
    adapter = SOURCES.get(source)
    if adapter is None:
        known = ", ".join(sorted(SOURCES))
        raise ValueError(f"Unknown scraper source {source!r}; known sources: {known}.")
    ctx = ExtractContext(url=url, observed_at=observed_at or utcnow(), options=dict(options))
    doc = parser(_sanitize(html))
    try:
        return adapter.extract(doc, ctx)
    except ScrapeFailure:
        raise
    except RecursionError:  # pragma: no cover - pathological nesting
        raise ScrapeFailure(
            FailureKind.NO_PRICE_FOUND,
            f"The page at {ctx.where} is too deeply nested to be read.",
            url=url,
            code="page_too_deeply_nested",
            params={"where": ctx.where},
        ) from None

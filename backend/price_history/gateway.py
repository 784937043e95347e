"""The seam between the backend and the outside web: the only importer of the `scraper`
package, and the one outbound HTTP helper (`download`) for other documents the backend
reads (the ECB's exchange rates).

Fetching is async in the scraper; workers and the `test` endpoint are synchronous, so each
call runs its own event loop. Politeness holds across every worker process through the
Redis host limiter; `SCRAPER_ALLOWED_HOSTS` lets the local demo marketplace past the SSRF
guard.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

import httpx
from django.conf import settings

from core.currencies import currency_codes
from scraper import (
    USER_AGENT,
    FetchResult,
    FetchSettings,
    FetchTarget,
    Observation,
    RedisHostLimiter,
    ScrapeFailure,
    check_url_allowed,
    scrape,
)

if TYPE_CHECKING:
    from price_history.models import Tracker

__all__ = [
    "INTERNAL_ERROR",
    "DownloadError",
    "FetchResult",
    "PreparedPrice",
    "ScrapeFailure",
    "download",
    "fetch",
    "fetch_settings",
    "prepare_observations",
    "target_for",
    "url_problem",
]

#: Failure kind stored when something other than a typed scraper failure went wrong.
INTERNAL_ERROR = "internal_error"
MAX_PRICE = Decimal("9999999999.99")
CENT = Decimal("0.01")
# Longer than the minimum delay (or crawl-delay, capped at 60 s) plus one request (60 s).
LIMITER_LOCK_TIMEOUT = 180.0


def fetch_settings() -> FetchSettings:
    return FetchSettings(
        min_host_delay=settings.SCRAPER_MIN_DELAY_SECONDS,
        max_retries=settings.SCRAPER_MAX_RETRIES,
        allowed_hosts=settings.SCRAPER_ALLOWED_HOSTS,
    )


def url_problem(url: str) -> str | None:
    """Why `url` may not be tracked (scheme, forbidden address, unknown host), or None."""
    try:
        check_url_allowed(url, settings.SCRAPER_ALLOWED_HOSTS)
    except ScrapeFailure as failure:
        return failure.message
    return None


def currency_hint_for(tracker: Tracker) -> str:
    return tracker.currency or tracker.collectible.vendor.default_currency


def target_for(tracker: Tracker, *, conditional: bool = True) -> FetchTarget:
    """What the scraper should fetch for `tracker`; `conditional` sends the validators
    of the last successful fetch (ETag / Last-Modified) so an unchanged page is a 304."""
    return FetchTarget(
        url=tracker.url,
        source=tracker.source or None,
        selector=tracker.selector or None,
        attribute=tracker.attribute or None,
        condition=tracker.condition or None,
        etag=(tracker.etag or None) if conditional else None,
        last_modified=(tracker.last_modified or None) if conditional else None,
        currency_hint=currency_hint_for(tracker),
    )


async def _scrape(target: FetchTarget) -> FetchResult:
    options = fetch_settings()
    limiter = RedisHostLimiter(
        settings.REDIS_URL,
        min_delay=options.min_host_delay,
        lock_timeout=LIMITER_LOCK_TIMEOUT,
        prefix=f"{settings.CACHES['default']['KEY_PREFIX']}:scraper:host:",
    )
    try:
        return await scrape(target, settings=options, limiter=limiter)
    finally:
        await limiter.aclose()


def fetch(target: FetchTarget) -> FetchResult:
    """Fetch and extract once. Raises `ScrapeFailure` for every expected failure."""
    return asyncio.run(_scrape(target))


@dataclass(frozen=True)
class PreparedPrice:
    """An observation as it would be stored for a tracker."""

    source: str
    price: Decimal
    currency: str
    condition: str
    observed_at: datetime
    url: str
    title: str
    availability: str


def prepare_observations(tracker: Tracker, observations: list[Observation]) -> list[PreparedPrice]:
    """Observations → rows: the tracker's condition when the page states none, the
    tracker's (or vendor's) currency when the page does not say, cents; amounts that do
    not fit the column or unknown currencies are left out."""
    hint = currency_hint_for(tracker)
    prepared = []
    for obs in observations:
        currency = (obs.price.currency or hint).upper()
        amount = obs.price.amount.quantize(CENT)
        if currency not in currency_codes() or not Decimal(0) <= amount <= MAX_PRICE:
            continue
        prepared.append(
            PreparedPrice(
                source=obs.source or tracker.source,
                price=amount,
                currency=currency,
                condition=obs.condition or tracker.condition or "",
                observed_at=obs.observed_at,
                url=obs.url or tracker.url,
                title=(obs.title or "")[:300],
                availability=obs.availability or "",
            )
        )
    return prepared


class DownloadError(Exception):
    """A document could not be downloaded (network, HTTP status, size); retry later."""


def download(
    url: str,
    *,
    accept: str,
    max_bytes: int,
    timeout: float,
    transport: httpx.BaseTransport | None = None,
) -> bytes:
    """GET `url` politely (our User-Agent, timeouts, at most 3 redirects) and return its
    body, refusing more than `max_bytes`. For documents an operator configures (not pages
    a collector names: those go through `fetch`, with its SSRF guard and robots.txt)."""
    try:
        with (
            httpx.Client(
                transport=transport,
                timeout=httpx.Timeout(timeout, connect=5.0),
                headers={"User-Agent": USER_AGENT, "Accept": accept},
                follow_redirects=True,
                max_redirects=3,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code != httpx.codes.OK:
                raise DownloadError(f"{url} answered HTTP {response.status_code}.")
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > max_bytes:
                    raise DownloadError(f"{url} is larger than {max_bytes} bytes.")
            return bytes(body)
    except httpx.HTTPError as exc:
        raise DownloadError(f"Could not download {url}: {exc}") from exc

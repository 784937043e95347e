"""The seam between the backend and the outside web: the only importer of the `scraper`
package, and the one outbound HTTP helper (`download`) for other documents the backend
reads (the ECB's exchange rates).

Fetching is async in the scraper; the workers are synchronous, so each call runs on the
thread's event loop (`core.event_loop`, kept between calls with the limiter's Redis
connections). Politeness holds across every worker process through the Redis host limiter
(a short, renewed lease per host, so a dead worker's lock frees itself within seconds);
`SCRAPER_ALLOWED_HOSTS` lets the local demo marketplace past the SSRF guard. Every fetch
has one overall deadline: `fetch` (scheduled and refresh runs) SCRAPER_RUN_DEADLINE_SECONDS
with the configured retries, `fetch_now` (a check someone waits for) its own, no retries.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist

from core import event_loop
from core.currencies import currency_codes
from price_history.failure_texts import failure_text
from scraper import (
    CATALOGUES,
    SOURCES,
    USER_AGENT,
    FetchedImage,
    FetchResult,
    FetchSettings,
    FetchTarget,
    Observation,
    RedisHostLimiter,
    RedisRobotsCache,
    ScrapeFailure,
    Secret,
    Seller,
    check_url_allowed,
    fetch_product_image,
    parse_price,
    scrape,
    search_catalogue,
    source_for_url,
)
from scraper import selector_problem as css_selector_problem
from users.credentials import ProviderKeys, credential_for
from vendors.models import Membership, Role

if TYPE_CHECKING:
    from price_history.models import Tracker

__all__ = [
    "INTERNAL_ERROR",
    "SEARCHABLE_SOURCES",
    "USER_AGENT",
    "FetchResult",
    "FetchedImage",
    "PreparedPrice",
    "ScrapeFailure",
    "fetch",
    "fetch_now",
    "fetch_page_image",
    "fetch_settings",
    "find_in_catalogue",
    "keys_for",
    "parse_price",
    "prepare_observations",
    "selector_problem",
    "seller_key",
    "source_for",
    "target_for",
    "url_problem",
]

#: Failure kind stored when something other than a typed scraper failure went wrong.
INTERNAL_ERROR = "internal_error"
MAX_PRICE = Decimal("9999999999.99")
CENT = Decimal("0.01")
#: The host lock's lease: renewed every third of it while a request runs, so a worker
#: killed mid-request holds up its host for at most this long.
LIMITER_LEASE = 10.0
#: How long a check someone waits for waits for a busy host (then `rate_limited`).
INTERACTIVE_HOST_WAIT = 5.0


def fetch_settings(*, deadline: float | None = None, retries: int | None = None) -> FetchSettings:
    deadline = deadline or settings.SCRAPER_RUN_DEADLINE_SECONDS
    return FetchSettings(
        min_host_delay=settings.SCRAPER_MIN_DELAY_SECONDS,
        max_retries=settings.SCRAPER_MAX_RETRIES if retries is None else retries,
        allowed_hosts=settings.SCRAPER_ALLOWED_HOSTS,
        deadline=deadline,
        total_timeout=min(FetchSettings.total_timeout, deadline),
    )


def url_problem(url: str) -> str | None:
    """Why `url` may not be tracked (scheme, forbidden address, unknown host) in the active
    language, or None."""
    try:
        check_url_allowed(url, settings.SCRAPER_ALLOWED_HOSTS)
    except ScrapeFailure as failure:
        return failure_text(
            kind=failure.kind.value, message=failure.message, code=failure.code,
            params=failure.params,
        )  # fmt: skip
    return None


def selector_problem(selector: str) -> str | None:
    """Why the page parser cannot use `selector` (not CSS) in the active language, or None."""
    problem = css_selector_problem(selector)
    if problem is None:
        return None
    # The scraper's check answers its English sentence only: the sentence a page read with
    # that selector fails with (`selector_not_css`), whose values are known here.
    return failure_text(
        kind="selector_not_found", message=problem, code="selector_not_css",
        params={"selector": selector.strip()},
    )  # fmt: skip


def source_for(url: str, selector: str = "") -> str:
    """The source a tracker gets when none is named: `css` with a selector, else the one
    owning the URL's host (`ebay.com` → `ebay`, …), else `structured` (the scraper's own
    choice, `scraper.source_for_url`)."""
    return "css" if selector else source_for_url(url)


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
        options={**card_options(tracker), **api_options(tracker)},
    )


def card_options(tracker: Tracker) -> dict[str, str]:
    """The item's card language and finish, for the sources that price a card by them
    (the card market: `Source.option_names`); none for the others, which need no query."""
    source = SOURCES.get(tracker.source)
    if source is None or not {"language", "finish"} & set(source.option_names):
        return {}
    try:
        card = tracker.collectible.card_details
    except ObjectDoesNotExist:
        return {}
    options = {"language": card.language, "finish": card.finish}
    return {name: value for name, value in options.items() if value and value != "other"}


#: Where each API-reading source's API is (a setting, so the demo and tests use loopback).
_API_URL_SETTINGS = {"discogs": "DISCOGS_API_URL", "ebay_api": "EBAY_API_URL"}
_SITE_URL_SETTINGS = {"discogs": "DISCOGS_SITE_URL"}  # its public pages, beside the API


def api_options(tracker: Tracker) -> dict[str, str]:
    """For a source that reads a marketplace API (`ApiSource.credential_options`): the API's
    address and the decrypted key of the tracker's key holder (`keys_for`), as a `Secret`
    (masked in any repr).
    Other sources get nothing: a key goes only where it is needed."""
    source = SOURCES.get(tracker.source)
    wanted = getattr(source, "credential_options", ())
    if source is None or not wanted:
        return {}
    options: dict[str, str] = {}
    setting = _API_URL_SETTINGS.get(source.name)
    if setting:
        options["api_url"] = getattr(settings, setting)
    if source.name in _SITE_URL_SETTINGS:
        options["site_url"] = getattr(settings, _SITE_URL_SETTINGS[source.name])
    keys = keys_for(tracker, provider=getattr(source, "provider", ""))
    if keys is not None:
        for name in wanted:
            value = getattr(keys, name, "")
            if value:
                options[name] = Secret(value)
    return options


def keys_for(tracker: Tracker, *, provider: str) -> ProviderKeys | None:
    """Whose saved key checks `tracker`: its creator's while the creator is a member of the
    tracker's collection; else (imported or seeded with no creator, or the creator left)
    the collection's owners', the longest-standing owner who saved one. Never the key of
    someone outside the collection."""
    vendor_id = tracker.collectible.vendor_id
    creator = tracker.created_by_id
    members = Membership.objects.filter(vendor_id=vendor_id)
    if creator is not None and members.filter(user_id=creator).exists():
        return credential_for(user_id=creator, provider=provider)
    owners = members.filter(role=Role.OWNER).order_by("created_at", "id")
    for user_id in owners.values_list("user_id", flat=True):
        keys = credential_for(user_id=user_id, provider=provider)
        if keys is not None:
            return keys
    return None


def host_limiter(*, acquire_timeout: float) -> RedisHostLimiter:
    """The Redis host limiter on REDIS_URL, failing fast when Redis does not answer: one
    per configuration and process, so its connections outlive a call."""
    shared = _shared_limiter(
        settings.REDIS_URL, settings.SCRAPER_MIN_DELAY_SECONDS, settings.REDIS_SOCKET_TIMEOUT,
        f"{settings.CACHES['default']['KEY_PREFIX']}:scraper:host:",
    )  # fmt: skip
    return shared.with_acquire_timeout(acquire_timeout)


@functools.cache
def _shared_limiter(url: str, delay: float, timeout: float | None, prefix: str) -> RedisHostLimiter:
    return RedisHostLimiter(
        url, min_delay=delay, lease=LIMITER_LEASE, prefix=prefix,
        socket_timeout=timeout, socket_connect_timeout=timeout,
    )  # fmt: skip


_robots_cache: RedisRobotsCache | None = None


def robots_cache() -> RedisRobotsCache:
    """robots.txt policies shared by every worker on REDIS_URL (one read of a site's file
    for all of them: each read takes a politeness slot of the host)."""
    global _robots_cache
    if _robots_cache is None:
        _robots_cache = RedisRobotsCache(
            settings.REDIS_URL,
            prefix=f"{settings.CACHES['default']['KEY_PREFIX']}:scraper:robots:",
            socket_timeout=settings.REDIS_SOCKET_TIMEOUT,
        )
    return _robots_cache


@contextlib.asynccontextmanager
async def _polite(host_wait: float) -> AsyncIterator[dict[str, Any]]:
    """What every fetch shares with the other workers: the host limiter, robots.txt."""
    yield {"limiter": host_limiter(acquire_timeout=host_wait), "robots_cache": robots_cache()}


async def _scrape(target: FetchTarget, options: FetchSettings, host_wait: float) -> FetchResult:
    async with _polite(host_wait) as polite:
        return await scrape(target, settings=options, **polite)


def fetch(target: FetchTarget, *, host_wait: float | None = None) -> FetchResult:
    """Fetch and extract once, for a run: retries, SCRAPER_RUN_DEADLINE_SECONDS in all, at
    most `host_wait` for a busy host. Raises `ScrapeFailure` (`busy_host`: the host was)."""
    options = fetch_settings()
    assert options.deadline is not None
    return event_loop.run(_scrape(target, options, host_wait=host_wait or options.deadline))


def fetch_now(target: FetchTarget, *, timeout: float) -> FetchResult:
    """Fetch and extract once for someone waiting: no retries, `timeout` seconds in all,
    at most INTERACTIVE_HOST_WAIT of them waiting for a busy host."""
    options = fetch_settings(deadline=timeout, retries=0)
    return event_loop.run(_scrape(target, options, host_wait=min(INTERACTIVE_HOST_WAIT, timeout)))


async def _page_image(
    url: str, options: FetchSettings, host_wait: float, max_bytes: int
) -> FetchedImage:
    async with _polite(host_wait) as polite:
        return await fetch_product_image(url, max_bytes=max_bytes, settings=options, **polite)


def fetch_page_image(url: str, *, timeout: float, max_bytes: int) -> FetchedImage:
    """Fetch a tracked page and then its product image (og:image, schema.org), for
    someone waiting: like `fetch_now`, no retries and `timeout` seconds for both."""
    options = fetch_settings(deadline=timeout, retries=0)
    host_wait = min(INTERACTIVE_HOST_WAIT, timeout)
    return event_loop.run(_page_image(url, options, host_wait, max_bytes))


#: The sources whose catalogue "Find it" searches (`scraper.CATALOGUES`).
SEARCHABLE_SOURCES = tuple(CATALOGUES)


def find_in_catalogue(
    source: str, query: str, *, user_id: int, game: str, timeout: float
) -> list[dict[str, str]]:
    """Search `source`'s catalogue for someone waiting (on a worker): the user's own key for
    an API source, the site's address from CATALOGUE_SITE_URLS (the demo's in `make run`),
    no retries, `timeout` seconds in all. Raises `ScrapeFailure`."""
    catalogue = CATALOGUES[source]
    site = settings.CATALOGUE_SITE_URLS.get(source) or getattr(
        settings, _SITE_URL_SETTINGS.get(source, ""), ""
    )
    options: dict[str, str] = {"site_url": str(site or ""), "game": game}
    if setting := _API_URL_SETTINGS.get(source):
        options["api_url"] = getattr(settings, setting)
    keys = credential_for(
        user_id=user_id if catalogue.provider else None, provider=catalogue.provider
    )
    for name in catalogue.credential_options if keys is not None else ():
        if value := getattr(keys, name, ""):
            options[name] = Secret(value)
    fetch = fetch_settings(deadline=timeout, retries=0)
    host_wait = min(INTERACTIVE_HOST_WAIT, timeout)
    return [m.to_dict() for m in event_loop.run(_search(source, query, options, fetch, host_wait))]


async def _search(
    source: str, query: str, options: dict[str, str], fetch: FetchSettings, host_wait: float
) -> list:
    async with _polite(host_wait) as polite:
        return await search_catalogue(source, query, options=options, settings=fetch, **polite)


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
    seller: str = ""
    seller_key: str = ""
    #: In `currency`; None when the page gives none (or gives it in another currency).
    shipping: Decimal | None = None
    #: The marketplace's listing of a past sale (an eBay item id); "" for a current price.
    listing_id: str = ""


SELLER_KEY_LENGTH = 300


def seller_key(url: str, seller: Seller) -> str:
    """`<host>|<the seller's id, else its folded name>`: one seller of one site, whichever
    of the site's pages lists it (two sites' "Bob" are two sellers)."""
    try:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
    except ValueError:
        host = ""
    return f"{host}|{seller.key}"[:SELLER_KEY_LENGTH]


def _shipping(obs: Observation, currency: str) -> Decimal | None:
    shipping = obs.shipping
    if shipping is None or (shipping.currency or currency).upper() != currency:
        return None
    amount = shipping.amount.quantize(CENT)
    return amount if Decimal(0) <= amount <= MAX_PRICE else None


def prepare_observations(tracker: Tracker, observations: list[Observation]) -> list[PreparedPrice]:
    """Observations → rows: the tracker's condition when the page states none, the
    tracker's (or vendor's) currency when the page does not say, cents; amounts that do
    not fit the column or unknown currencies are left out. A seller is kept with its key
    (`seller_key`), shipping only in the price's own currency."""
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
                seller="" if obs.seller is None else obs.seller.name[:200],
                seller_key="" if obs.seller is None else seller_key(obs.url, obs.seller),
                shipping=_shipping(obs, currency),
                listing_id=(obs.listing_id or "")[:40],
            )
        )
    return prepared

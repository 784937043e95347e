"""Fetch + extract: what the backend's Celery tasks call.

:func:`scrape` returns a :class:`FetchResult` (observations plus the validators to
store for the next conditional GET, and ``not_modified``); :func:`fetch_observations`
is the simple wrapper returning just the observations.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from scraper.http import (
    FetchedImage,
    FetchSettings,
    HostLimiter,
    RobotsCache,
    fetch_image,
    fetch_json,
    fetch_page,
    shared_deadline,
)
from scraper.images import find_product_image
from scraper.sources import SOURCES, extract, resolve_source, source_options
from scraper.sources.base import ApiSource, ExtractContext, host_label
from scraper.sources.dom import parse_document
from scraper.sources.trace import note
from scraper.types import FailureKind, NotModified, Observation, ScrapeFailure, utcnow

if TYPE_CHECKING:
    import httpx

__all__ = [
    "FetchResult",
    "FetchTarget",
    "fetch_observations",
    "fetch_product_image",
    "filter_condition",
    "scrape",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FetchTarget:
    """What to check: a page and how to read it (mirrors the backend's Tracker)."""

    url: str
    #: A key of :data:`scraper.SOURCES`; ``None`` chooses automatically.
    source: str | None = None
    #: CSS selector for the ``css`` source (implies it when ``source`` is ``None``).
    selector: str | None = None
    #: Read this attribute of the selected element instead of its text.
    attribute: str | None = None
    #: Keep only observations for this condition (see :func:`filter_condition`).
    condition: str | None = None
    #: Validators from the previous successful fetch (conditional GET).
    etag: str | None = None
    last_modified: str | None = None
    #: ISO currency for prices written with an ambiguous symbol ("$") or none at all.
    currency_hint: str | None = None
    #: Further options of the target's source (cardmarket: the card's ``language`` and
    #: ``finish``); only the names the source declares (``Source.option_names``) are passed.
    options: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class FetchResult:
    """Outcome of :func:`scrape`. When ``not_modified`` is true, ``observations`` is
    empty and the stored price is still current."""

    url: str
    final_url: str
    observations: list[Observation]
    etag: str | None
    last_modified: str | None
    not_modified: bool = False


def filter_condition(observations: list[Observation], condition: str | None) -> list[Observation]:
    """Observations for ``condition``: exact matches if there are any, else the ones with
    no stated condition (the page's only item). Raises ``no_price_found`` if none."""
    if not condition or not observations:
        return observations
    wanted = condition.strip().lower()
    exact = [o for o in observations if o.condition == wanted]
    if exact:
        return exact
    unstated = [o for o in observations if o.condition is None]
    if unstated:
        return unstated
    offered = ", ".join(sorted({o.condition for o in observations if o.condition}))
    raise ScrapeFailure(
        FailureKind.NO_PRICE_FOUND,
        f"The page at {host_label(observations[0].url)} has prices for {offered}, "
        f"but none for the condition '{condition}'.",
        url=observations[0].url,
        code="condition_not_offered",
        params={
            "host": host_label(observations[0].url),
            "offered": offered,
            "condition": condition,
        },
    )


async def scrape(
    target: FetchTarget,
    *,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
) -> FetchResult:
    """Fetch ``target.url`` and extract its observations (filtered by condition).

    ``settings.deadline`` bounds the whole fetch, retries and waits for the host's
    politeness slot included (see :func:`scraper.http.fetch_page`); extracting from a
    page of at most ``settings.max_bytes`` is quick and runs after it. A source that
    reads an API (:class:`~scraper.sources.base.ApiSource`, e.g. ``discogs``) is called
    instead of fetching the page, through the same guard, limiter and settings.
    """
    adapter = SOURCES.get(resolve_source(target.url, target.source, target.selector))
    if isinstance(adapter, ApiSource):
        observations = await _read_api(adapter, target, settings, client, limiter, robots_cache)
        return FetchResult(
            url=target.url,
            final_url=target.url,
            observations=filter_condition(observations, target.condition),
            etag=None,
            last_modified=None,
        )
    page = await fetch_page(
        target.url,
        settings=settings,
        client=client,
        limiter=limiter,
        robots_cache=robots_cache,
        etag=target.etag,
        last_modified=target.last_modified,
    )
    if page.not_modified:
        return FetchResult(
            url=target.url,
            final_url=page.final_url,
            observations=[],
            etag=page.etag,
            last_modified=page.last_modified,
            not_modified=True,
        )
    options: dict[str, Any] = {}
    if target.selector:
        options["selector"] = target.selector
    if target.attribute:
        options["attribute"] = target.attribute
    if target.currency_hint:
        options["currency_hint"] = target.currency_hint
    options.update(source_options(target.url, target.source, target.selector, target.options))
    # Observations carry the tracked URL (what the collector entered), not the redirect.
    observations = extract(page.html, target.url, target.source, **options)
    return FetchResult(
        url=target.url,
        final_url=page.final_url,
        observations=filter_condition(observations, target.condition),
        etag=page.etag,
        last_modified=page.last_modified,
    )


async def _read_api(
    adapter: ApiSource,
    target: FetchTarget,
    settings: FetchSettings | None,
    client: httpx.AsyncClient | None,
    limiter: HostLimiter | None,
    robots_cache: RobotsCache | None,
) -> list[Observation]:
    settings = settings or FetchSettings()
    options: dict[str, Any] = {}
    if target.currency_hint:
        options["currency_hint"] = target.currency_hint
    options.update(source_options(target.url, adapter.name, None, target.options))
    ctx = ExtractContext(url=target.url, observed_at=utcnow(), options=options)
    budget = shared_deadline(settings, what=adapter.name, url=target.url)

    async def get_json(url: str, extra: dict[str, str], form: dict[str, str] | None = None) -> Any:
        return await fetch_json(
            url,
            headers=extra,  # the User-Agent is the fetcher's own
            settings=budget(),
            client=client,
            limiter=limiter,
            robots_cache=robots_cache,
            provider=adapter.label,
            form=form,
        )

    observations = await adapter.fetch(ctx, get_json)
    page_url = adapter.listings_url(ctx)
    if page_url is None:
        return observations
    try:
        # A page like any other (robots.txt, redirects); the API key is not sent to it.
        page = await fetch_page(
            page_url, settings=budget(), client=client, limiter=limiter, robots_cache=robots_cache
        )
        listed = adapter.extract_listings(
            parse_document(page.html), replace(ctx, url=page.final_url)
        )
    except ScrapeFailure as failure:
        # The API's answers stand on their own: the check records them, and says why the
        # listings are missing.
        logger.warning(
            "%s: the listings page %s was not read (%s); recording the API's prices alone.",
            adapter.name, page_url, failure,
        )  # fmt: skip
        note(f"{adapter.name} listings: not read ({failure.kind.value}: {failure.message})")
        return observations
    return observations + listed


async def fetch_observations(
    target: FetchTarget,
    *,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
) -> list[Observation]:
    """Fetch and extract; the simple form of :func:`scrape`.

    Raises :class:`ScrapeFailure` on failure and :class:`NotModified` when the target
    carried an ETag/Last-Modified and the server answered 304 (use :func:`scrape` to
    get that as a value instead).
    """
    result = await scrape(
        target, settings=settings, client=client, limiter=limiter, robots_cache=robots_cache
    )
    if result.not_modified:
        raise NotModified(target.url, etag=result.etag, last_modified=result.last_modified)
    return result.observations


async def fetch_product_image(
    url: str,
    *,
    max_bytes: int,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
) -> FetchedImage:
    """Fetch the page at ``url``, find its product image (:func:`find_product_image`) and
    fetch that (at most ``max_bytes``), both through the guarded path; with
    ``settings.deadline`` the two fetches together end within it. Raises
    :class:`ScrapeFailure` (``no_image_found`` when the page names no image)."""
    settings = settings or FetchSettings()
    started = asyncio.get_running_loop().time()
    page = await fetch_page(
        url, settings=settings, client=client, limiter=limiter, robots_cache=robots_cache
    )
    image_url = find_product_image(page.html, page.final_url)
    if image_url is None:
        raise ScrapeFailure(
            FailureKind.NO_IMAGE_FOUND,
            f"The page at {host_label(url)} names no product image (og:image, schema.org).",
            url=url,
            code="no_product_image",
            params={"where": host_label(url)},
        )
    remaining = settings
    if settings.deadline is not None:
        left = settings.deadline - (asyncio.get_running_loop().time() - started)
        if left <= 0:
            raise ScrapeFailure(
                FailureKind.TIMEOUT,
                f"The page at {host_label(url)} took all the {settings.deadline:g} seconds.",
                url=url,
                code="page_time_used_up",
                params={"where": host_label(url), "seconds": f"{settings.deadline:g}"},
            )
        remaining = replace(settings, deadline=left)
    return await fetch_image(
        image_url,
        max_bytes=max_bytes,
        settings=remaining,
        client=client,
        limiter=limiter,
        robots_cache=robots_cache,
    )

"""Fetching one page: :func:`fetch_page` (see :mod:`scraper.http` for what every URL and
every redirect hop goes through) over the guarded GET of :mod:`scraper.http.fetch`, with
conditional GET (ETag / Last-Modified)."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from scraper.http.decoding import _content_type, _decode
from scraper.http.fetch import fetch_raw, raise_for_status
from scraper.http.limiter import HostLimiter
from scraper.http.robots import RobotsCache
from scraper.http.settings import FetchSettings

__all__ = ["Page", "fetch_page"]


@dataclass(frozen=True)
class Page:
    """A fetched page. ``html`` is ``""`` when ``not_modified``."""

    url: str
    final_url: str
    status: int
    html: str
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    content_type: str | None = None


async def fetch_page(
    url: str,
    *,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> Page:
    """Fetch one HTML page politely and safely (see :mod:`scraper.http`).

    Sends ``If-None-Match`` / ``If-Modified-Since`` when ``etag`` / ``last_modified``
    are given; a 304 answer gives ``Page(not_modified=True, html="")``. Raises
    :class:`ScrapeFailure` (``robots_disallowed``, ``forbidden_address``,
    ``http_error``, ``rate_limited``, ``timeout``, ``too_large``, ``not_html``).
    ``client`` (see :func:`make_client`) is not closed; by default a fresh one is used.
    ``limiter`` / ``robots_cache`` default to process-wide in-memory instances.

    With ``settings.deadline``, the whole fetch (robots.txt, every redirect hop and
    retry, waiting for the host's politeness slot) ends within that many seconds: past
    it, ``timeout`` (or ``rate_limited`` if the host's slot was busy all along).
    """
    settings = settings or FetchSettings()
    headers: dict[str, str] = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    raw = await fetch_raw(
        url,
        headers=headers,
        html_only=True,
        max_bytes=settings.max_bytes,
        settings=settings,
        client=client,
        limiter=limiter,
        robots_cache=robots_cache,
    )
    if raw.status == 304:
        return Page(
            url=url,
            final_url=raw.url,
            status=304,
            html="",
            etag=raw.headers.get("etag") or etag,
            last_modified=raw.headers.get("last-modified") or last_modified,
            not_modified=True,
        )
    raise_for_status(raw, what="page")
    return Page(
        url=url,
        final_url=raw.url,
        status=raw.status,
        html=_decode(raw.body, raw.headers),
        etag=raw.headers.get("etag"),
        last_modified=raw.headers.get("last-modified"),
        content_type=_content_type(raw.headers),
    )

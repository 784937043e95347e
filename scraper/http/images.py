"""Fetching one image (a product page's picture) through the same guarded path as pages:
the URL check and SSRF guard on every redirect hop, robots.txt, per-host politeness,
timeouts, retries, the overall deadline and a size cap on the decoded body. Only an
``image/*`` answer is accepted; what the bytes really are is for the caller to check."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from scraper.http.decoding import _content_type
from scraper.http.fetch import fetch_raw, raise_for_status
from scraper.http.limiter import HostLimiter
from scraper.http.robots import RobotsCache
from scraper.http.settings import FetchSettings
from scraper.types import FailureKind, ScrapeFailure

__all__ = ["FetchedImage", "fetch_image"]

_ACCEPT = "image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9,image/*;q=0.8"


@dataclass(frozen=True)
class FetchedImage:
    url: str
    final_url: str
    content_type: str
    body: bytes


async def fetch_image(
    url: str,
    *,
    max_bytes: int,
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
) -> FetchedImage:
    """GET an image of at most ``max_bytes`` (decoded). Raises :class:`ScrapeFailure`
    (``forbidden_address``, ``robots_disallowed``, ``http_error``, ``rate_limited``,
    ``timeout``, ``too_large``, ``not_image``)."""
    settings = settings or FetchSettings()
    raw = await fetch_raw(
        url,
        headers={"Accept": _ACCEPT},
        html_only=False,
        max_bytes=max_bytes,
        settings=settings,
        client=client,
        limiter=limiter,
        robots_cache=robots_cache,
    )
    raise_for_status(raw, what="image")
    content_type = _content_type(raw.headers) or ""
    if not content_type.startswith("image/"):
        host = urlsplit(raw.url).hostname or raw.url
        raise ScrapeFailure(
            FailureKind.NOT_IMAGE,
            f"The address at {host} is not an image (it returned {content_type or 'no type'}).",
            url=raw.url,
            code="not_an_image",
            params={"host": host, "content_type": content_type or "no type"},
        )
    return FetchedImage(url=url, final_url=raw.url, content_type=content_type, body=raw.body)

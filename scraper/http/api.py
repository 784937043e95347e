"""Reading a marketplace's JSON API over the guarded path: :func:`fetch_json`.

The same SSRF guard, per-host politeness, retries, size cap and deadline as a page
(:mod:`scraper.http.fetch`), with two differences an authenticated API call needs:

* **no redirects** — the request carries the collector's key (``Authorization``); a
  redirect could hand it to another host, so a 3xx answer is a failure, never followed;
* **no robots.txt** — robots.txt tells crawlers which *pages* to leave alone; an API
  call made with the collector's own key is governed by the API's terms and rate limit
  (honoured through 429 / ``Retry-After`` like any site).
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

import httpx

from scraper.http.fetch import fetch_raw, raise_for_status
from scraper.http.limiter import HostLimiter
from scraper.http.robots import RobotsCache
from scraper.http.settings import FetchSettings
from scraper.types import FailureKind, ScrapeFailure

__all__ = ["API_MAX_BYTES", "fetch_json"]

#: An API answer is a few kilobytes; a megabyte is a broken or hostile server.
API_MAX_BYTES = 1024 * 1024


async def fetch_json(
    url: str,
    *,
    headers: dict[str, str],
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
    limiter: HostLimiter | None = None,
    robots_cache: RobotsCache | None = None,
    provider: str = "The API",
    form: dict[str, str] | None = None,
) -> Any:
    """GET ``url`` and return its JSON body. Raises :class:`ScrapeFailure`:
    ``missing_credentials`` when the API refuses the key (401/403), ``rate_limited``,
    ``http_error`` (any other non-2xx, a redirect, a body that is not JSON),
    ``forbidden_address``, ``timeout``, ``too_large``. Messages never contain a header.
    With ``form``, the form is POSTed instead (an OAuth token request)."""
    settings = replace(settings or FetchSettings(), max_redirects=0, respect_robots=False)
    raw = await fetch_raw(
        url,
        headers={"Accept": "application/json", **headers},
        html_only=False,
        max_bytes=min(settings.max_bytes, API_MAX_BYTES),
        settings=settings,
        client=client,
        limiter=limiter,
        robots_cache=robots_cache,
        form=form,
    )
    host = urlsplit(url).hostname or url
    if raw.status in (401, 403):
        raise ScrapeFailure(
            FailureKind.MISSING_CREDENTIALS,
            f"{provider} at {host} refused the key (HTTP {raw.status}): check the key saved "
            "in Settings → Marketplace keys.",
            url=url,
            code="key_refused",
            params={"provider": provider, "host": host, "status": raw.status},
        )
    raise_for_status(raw, what="API answer")
    try:
        return json.loads(raw.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ScrapeFailure(
            FailureKind.HTTP_ERROR,
            f"{provider} at {host} did not answer JSON.",
            url=url,
            code="not_json",
            params={"provider": provider, "host": host},
        ) from None

"""All network I/O of the scraper lives here (httpx on asyncio).

What a fetch goes through, in order, for every URL *and every redirect hop*:

1. **URL check** — only ``http``/``https``, a host must be present.
2. **SSRF guard** — see :class:`GuardedTransport`. Hosts in
   ``FetchSettings.allowed_hosts`` (e.g. the local demo marketplace) bypass it.
3. **robots.txt** (protego), cached per origin for up to 24 h: 2xx → parsed and
   obeyed for our User-Agent, 4xx → everything allowed, 5xx/429 → everything
   disallowed (RFC 9309 §2.3.1). Disallowed → ``robots_disallowed``.
4. **Per-host politeness** — a :class:`HostLimiter` keeps at most one request in
   flight per host and a minimum delay between the starts of two requests to it (the
   larger of ``min_host_delay`` and the site's ``Crawl-delay``, capped at 60 s), at
   least half of it after an answer ends.
5. **The request** — timeouts, conditional headers, honest User-Agent, body streamed
   with a size cap counted on the *decoded* bytes (gzip/deflate inflated a step at a
   time, so a gzip bomb is refused early) and a content-type check; retries with
   exponential backoff and full jitter on connection errors, timeouts, 5xx and 429
   only, honouring ``Retry-After`` (seconds or HTTP date) up to ``max_retry_after``.
6. **Redirects** are followed by hand (at most ``max_redirects``), so steps 1-5 run
   again for each hop.
7. **The deadline** — with ``FetchSettings.deadline`` all of the above, waits
   included, ends within that many seconds.

Nothing here parses prices: :func:`fetch_page` returns a :class:`Page` (HTML text and
validators) and :mod:`scraper.pipeline` hands it to :func:`scraper.extract`.

The modules depend on each other one way only: :mod:`~scraper.http.settings`
(``FetchSettings``, ``USER_AGENT``) ← :mod:`~scraper.http.guard` (the SSRF guard,
``make_client``) ← :mod:`~scraper.http.fetch` (the guarded GET), which also uses
:mod:`~scraper.http.limiter`, :mod:`~scraper.http.robots`,
:mod:`~scraper.http.retries` and :mod:`~scraper.http.decoding` ←
:mod:`~scraper.http.pages` (``fetch_page``), :mod:`~scraper.http.images`
(``fetch_image``: the same path for one image) and :mod:`~scraper.http.api`
(``fetch_json``: a marketplace API call with the collector's key; no redirects).
"""

from scraper.http.api import fetch_json
from scraper.http.guard import GuardedTransport, check_url_allowed, classify_address, make_client
from scraper.http.images import FetchedImage, fetch_image
from scraper.http.limiter import (
    HostLimiter,
    InProcessHostLimiter,
    NullHostLimiter,
    RedisHostLimiter,
)
from scraper.http.pages import Page, fetch_page
from scraper.http.retries import parse_retry_after
from scraper.http.robots import InMemoryRobotsCache, RedisRobotsCache, RobotsCache, RobotsPolicy
from scraper.http.settings import USER_AGENT, FetchSettings, shared_deadline

__all__ = [
    "USER_AGENT",
    "FetchSettings",
    "FetchedImage",
    "GuardedTransport",
    "HostLimiter",
    "InMemoryRobotsCache",
    "InProcessHostLimiter",
    "NullHostLimiter",
    "Page",
    "RedisHostLimiter",
    "RedisRobotsCache",
    "RobotsCache",
    "RobotsPolicy",
    "check_url_allowed",
    "classify_address",
    "fetch_image",
    "fetch_json",
    "fetch_page",
    "make_client",
    "parse_retry_after",
    "shared_deadline",
]
